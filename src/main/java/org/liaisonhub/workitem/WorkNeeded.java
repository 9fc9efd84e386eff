package org.liaisonhub.workitem;

import java.util.Map;

/**
 * One open item of this type is needed for (MRN, visit, key), with these details.
 *
 * @param patient  the patient's demographics as the rule set reads them (name, birth date, gender, language...)
 * @param location where the patient is, as the message says; updated on the item with its details
 */
public record WorkNeeded(String type, String mrn, String visitNumber, String key, Map<String, Object> details,
        Map<String, Object> patient, PatientLocation location, String rule) implements WorkChange {
}
