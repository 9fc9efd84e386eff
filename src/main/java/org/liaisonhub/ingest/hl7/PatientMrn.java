package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/**
 * The MRN a message is about, stored beside it so that the message browser can find a patient's messages: the PID-3
 * identifier of type MR, else PID-3's first. Null for a message without a PID segment.
 */
final class PatientMrn {

    private PatientMrn() {
    }

    static String of(Message message) {
        try {
            // the segment found once: a Terser path per repetition parsed the path and searched the message each time
            Segment pid = new Terser(message).getSegment("/.PID");
            String first = null;
            for (int rep = 0; rep < pid.getField(3).length; rep++) {
                String id = Terser.get(pid, 3, rep, 1, 1);
                if (id == null || id.isBlank()) {
                    break;
                }
                if ("MR".equalsIgnoreCase(Terser.get(pid, 3, rep, 5, 1))) {
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
