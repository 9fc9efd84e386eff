package org.liaisonhub.mapping.model;

import java.time.Clock;
import org.liaisonhub.mapping.MappingDataException;

/**
 * What a rule reads while it is evaluated: an HL7 v2 message ({@code mapping.hl7.Hl7RuleContext}) or FHIR resources
 * ({@code mapping.fhir.FhirRuleContext}). Each kind of expression knows which it reads.
 */
public interface RuleContext {

    /**
     * The moment the event is evaluated, fixed for the whole message, in the rules' time zone
     * ({@code hub.fhir.time-zone}, the zone vendor requests read such times in too): what "now" means to a rule, and the zone of a time sent without an offset.
     */
    Clock clock();

    /** The error for a value the message carries in a form a rule cannot use, located where the message has it. */
    MappingDataException unusable(Expr value, String problem);
}
