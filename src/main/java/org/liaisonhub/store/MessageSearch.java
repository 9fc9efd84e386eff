package org.liaisonhub.store;

import java.time.Instant;

/**
 * Filters for the message store; null means "any".
 *
 * @param type message type ({@code ADT}) or type and trigger event ({@code ADT^A01})
 */
public record MessageSearch(MessageStatus status, String type, String controlId, Instant from, Instant to) {
}
