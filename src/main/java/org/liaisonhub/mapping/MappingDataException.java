package org.liaisonhub.mapping;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.Location;

/**
 * A message that parses but lacks what a rule that applies to it needs, or carries it in an unusable form.
 * Answered with an AE acknowledgement that names the HL7 error code and the location (HL7 v2), or 422 with an
 * OperationOutcome (FHIR).
 */
public class MappingDataException extends RuntimeException {

    private final transient ErrorCode errorCode;
    private final transient Location location;
    private final String fhirPath;

    public MappingDataException(ErrorCode errorCode, Location location, String message) {
        super(message);
        this.errorCode = errorCode;
        this.location = location;
        this.fhirPath = null;
    }

    /** A FHIR resource that lacks what a rule needs, at a FHIRPath location (for the OperationOutcome). */
    public MappingDataException(String fhirPath, String message) {
        super(message);
        this.errorCode = ErrorCode.REQUIRED_FIELD_MISSING;
        this.location = null;
        this.fhirPath = fhirPath;
    }

    /** Where in a FHIR resource the problem is; null for HL7 v2. */
    public String fhirPath() {
        return fhirPath;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Null when the error has no place in the message. */
    public Location location() {
        return location;
    }
}
