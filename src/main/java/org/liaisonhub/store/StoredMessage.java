package org.liaisonhub.store;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * An inbound message as the store keeps it, without its raw text.
 *
 * @param ruleSetVersion the version of the mapping rules that last handled it; null when none did
 */
public record StoredMessage(
        long id,
        @JsonUnwrapped MessageEnvelope envelope,
        MessageStatus status,
        String ackCode,
        String errorCode,
        String errorLocation,
        String errorText,
        Long duplicateOf,
        Instant processedAt,
        int reprocessCount,
        String ruleSetVersion) {
}
