package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * The MRN a message is about, stored beside it so that the message browser can find a patient's messages: the PID-3
 * identifier of type MR, else PID-3's first. Null for a message without a PID segment.
 */
final class PatientMrn {

    /** More repetitions than any sender puts in PID-3; the search stops at the first empty one anyway. */
    private static final int MAX_REPETITIONS = 20;

    private PatientMrn() {
    }

    static String of(Message message) {
        try {
            Terser terser = new Terser(message);
            String first = null;
            for (int rep = 0; rep < MAX_REPETITIONS; rep++) {
                String id = terser.get("/.PID-3(" + rep + ")-1");
                if (id == null || id.isBlank()) {
                    break;
                }
                if ("MR".equalsIgnoreCase(terser.get("/.PID-3(" + rep + ")-5"))) {
                    return id;
                }
                first = first == null ? id : first;
            }
            return first;
        } catch (HL7Exception | RuntimeException noPid) {
            return null;
        }
    }
}
