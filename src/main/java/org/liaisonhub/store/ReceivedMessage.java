package org.liaisonhub.store;

/**
 * A message as it arrived: its envelope and its text, decoded losslessly from the bytes received.
 *
 * @param journalReceipt its receipt in the HL7 journal when one acknowledged it before the database had written
 *                       it (embedded H2); null otherwise
 */
public record ReceivedMessage(MessageEnvelope envelope, String rawText, Long journalReceipt) {

    public ReceivedMessage(MessageEnvelope envelope, String rawText) {
        this(envelope, rawText, null);
    }
}
