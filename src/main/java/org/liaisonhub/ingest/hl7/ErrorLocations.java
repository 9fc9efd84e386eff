package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;

/** Where in a message an error is, as ERR-2 and the message store give it. */
final class ErrorLocations {

    private ErrorLocations() {
    }

    /** The ERL form: segment^sequence^field^repetition^component^subcomponent, trailing parts cut; null for none. */
    static String of(HL7Exception error) {
        Location location = error.getLocation();
        if (location == null || location.getSegmentName() == null) {
            return null;
        }
        int[] parts = {location.getSegmentRepetition(), location.getField(), location.getFieldRepetition(),
                location.getComponent(), location.getSubcomponent()};
        StringBuilder erl = new StringBuilder(location.getSegmentName());
        int last = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            erl.append('^').append(parts[i] > 0 ? String.valueOf(parts[i]) : "");
        }
        return erl.toString();
    }
}
