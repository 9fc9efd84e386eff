package org.liaisonhub.store;

/** A message as it arrived: its envelope and its text, decoded losslessly from the bytes received. */
public record ReceivedMessage(MessageEnvelope envelope, String rawText) {
}
