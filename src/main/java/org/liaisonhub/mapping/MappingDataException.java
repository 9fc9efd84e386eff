package org.liaisonhub.mapping;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.Location;

/**
 * A message that parses but lacks what a rule that applies to it needs, or carries it in an unusable form.
 * Answered with an AE acknowledgement that names the HL7 error code and the location.
 */
public class MappingDataException extends RuntimeException {

    private final transient ErrorCode errorCode;
    private final transient Location location;

    public MappingDataException(ErrorCode errorCode, Location location, String message) {
        super(message);
        this.errorCode = errorCode;
        this.location = location;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Null when the error has no place in the message. */
    public Location location() {
        return location;
    }
}
