package org.liaisonhub.dispatch.deadletter;

import java.time.Instant;

/**
 * A request that could not be delivered: rejected by the vendor, or out of attempts. Kept, with its reason, until
 * someone replays it; replaying sends the very same request (same idempotency key) again.
 */
public record DeadLetter(long id, long outboxId, long workItemId, String vendor, String action, String reason,
        Integer httpStatus, int attempts, String idempotencyKey, Instant createdAt, Instant replayedAt,
        Long replayOutboxId) {
}
