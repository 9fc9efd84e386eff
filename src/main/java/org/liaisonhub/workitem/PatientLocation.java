package org.liaisonhub.workitem;

import java.util.Map;

/**
 * Where the patient is, as far as the liaisons' work list is divided: the facility and the unit (HL7 PV1-3.4 and
 * PV1-3.1, the FHIR Encounter's service provider and location). Either may be unknown (null).
 */
public record PatientLocation(String facility, String unit) {

    public static final PatientLocation UNKNOWN = new PatientLocation(null, null);

    /** From a rule set's {@code patient.location} values, by name. */
    public static PatientLocation of(Map<String, Object> values) {
        return new PatientLocation(text(values.get("facility")), text(values.get("unit")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
