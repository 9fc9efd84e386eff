package org.liaisonhub.store;

import java.time.Instant;

/** An inbound message as the store keeps it, without its raw text. */
public record StoredMessage(
        long id,
        String channel,
        Instant receivedAt,
        String remoteAddress,
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String triggerEvent,
        String controlId,
        String version,
        String charset,
        int sizeBytes,
        MessageStatus status,
        String ackCode,
        String errorCode,
        String errorLocation,
        String errorText,
        Long duplicateOf,
        Instant processedAt,
        int reprocessCount) {
}
