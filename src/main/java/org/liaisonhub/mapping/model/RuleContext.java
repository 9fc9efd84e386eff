package org.liaisonhub.mapping.model;

/**
 * What a rule reads while it is evaluated: an HL7 v2 message ({@code mapping.hl7.Hl7RuleContext}) or FHIR resources
 * ({@code mapping.fhir.FhirRuleContext}). Each kind of expression knows which it reads.
 */
public interface RuleContext {
}
