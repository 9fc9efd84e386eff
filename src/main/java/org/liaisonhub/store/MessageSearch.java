package org.liaisonhub.store;

import java.time.Instant;

/**
 * Filters for the message store; null means "any".
 *
 * @param type               message type ({@code ADT}) or type and trigger event ({@code ADT^A01})
 * @param channel            {@code HL7V2} or {@code FHIR}
 * @param sendingApplication MSH-3 (FHIR: the sending principal)
 * @param sendingFacility    MSH-4
 * @param errorCode          the stored error code: an HL7 ERR code ({@code 101}) or an HTTP status ({@code 422})
 * @param mrn                the patient the message is about
 * @param oldestFirst        oldest first instead of newest first
 */
public record MessageSearch(MessageStatus status, String type, String controlId, Instant from, Instant to,
        String channel, String sendingApplication, String sendingFacility, String errorCode, String mrn,
        boolean oldestFirst) {

    /** The first filters of the API: every channel, sender and patient, newest first. */
    public MessageSearch(MessageStatus status, String type, String controlId, Instant from, Instant to) {
        this(status, type, controlId, from, to, null, null, null, null, null, false);
    }
}
