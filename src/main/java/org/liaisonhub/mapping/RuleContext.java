package org.liaisonhub.mapping;

/** What a rule reads while it is evaluated: an HL7 v2 message ({@link Hl7RuleContext}) or FHIR resources. */
sealed interface RuleContext permits Hl7RuleContext, FhirRuleContext {
}
