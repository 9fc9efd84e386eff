package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.Map;

/**
 * One open item of this type is needed for (MRN, visit, key), with these details.
 *
 * @param patient  the patient's demographics as the rule set reads them (name, birth date, gender, language...)
 * @param location where the patient is, as the message says; updated on the item with its details
 * @param due      when the work is due, null if the rule sets no time
 */
public record WorkNeeded(String type, String mrn, String visitNumber, String key, Map<String, Object> details,
        Map<String, Object> patient, PatientLocation location, Instant due, Priority priority, String rule)
        implements WorkChange {
}
