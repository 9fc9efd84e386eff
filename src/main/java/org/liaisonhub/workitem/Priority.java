package org.liaisonhub.workitem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How urgent a piece of work is: FHIR's request priority (R4 {@code request-priority}), which vendors receive as
 * the ServiceRequest's and Task's priority. Ordered from the least to the most urgent.
 */
public enum Priority {
    ROUTINE, URGENT, ASAP, STAT;

    /** The FHIR code: {@code routine}, {@code urgent}, {@code asap}, {@code stat}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority with this code (case ignored). */
    @JsonCreator
    public static Priority of(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(code.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a priority (routine, urgent,"
                        + " asap, stat)"));
    }
}
