package org.liaisonhub.store;

/**
 * The result of processing one inbound message, as recorded in the store.
 *
 * @param ackCode       the acknowledgement code the sender was (or will be) answered with; null when it asked for none
 * @param errorLocation where in the message the error is, e.g. {@code PID^1^3}
 * @param duplicateOf   for a duplicate, the id of the message that was processed first
 * @param acknowledgement the acknowledgement as sent (HL7 v2), kept when the message is first stored and never
 *                      replaced by a reprocess (which sends nothing); null when none is sent
 * @param ruleSetVersion the version of the mapping rules that handled it ({@code mapping.RuleSetVersion}); null
 *                      when no rules were reached (a message rejected before them)
 */
public record MessageOutcome(
        MessageStatus status,
        String ackCode,
        String errorCode,
        String errorLocation,
        String errorText,
        Long duplicateOf,
        String acknowledgement,
        String ruleSetVersion) {

    public MessageOutcome {
        errorText = MessageEnvelope.fit(errorText, 2000);
        errorLocation = MessageEnvelope.fit(errorLocation, 64);
    }

    public MessageOutcome(MessageStatus status, String ackCode, String errorCode, String errorLocation,
            String errorText, Long duplicateOf, String acknowledgement) {
        this(status, ackCode, errorCode, errorLocation, errorText, duplicateOf, acknowledgement, null);
    }

    /** An outcome that sends no acknowledgement of its own (FHIR answers over HTTP). */
    public MessageOutcome(MessageStatus status, String ackCode, String errorCode, String errorLocation,
            String errorText, Long duplicateOf) {
        this(status, ackCode, errorCode, errorLocation, errorText, duplicateOf, null, null);
    }

    /** The same outcome with another status: the one recorded while the message is only received. */
    public MessageOutcome withStatus(MessageStatus other) {
        return new MessageOutcome(other, ackCode, errorCode, errorLocation, errorText, duplicateOf, acknowledgement,
                ruleSetVersion);
    }

    /** The same outcome, reached by the mapping rules of this version. */
    public MessageOutcome handledBy(String version) {
        return new MessageOutcome(status, ackCode, errorCode, errorLocation, errorText, duplicateOf, acknowledgement,
                version);
    }

    public static MessageOutcome of(MessageStatus status, String ackCode) {
        return new MessageOutcome(status, ackCode, null, null, null, null);
    }
}
