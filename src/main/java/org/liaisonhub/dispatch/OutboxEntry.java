package org.liaisonhub.dispatch;

import java.time.Instant;

/**
 * One request to a vendor, as the outbox keeps it.
 *
 * @param sequence       position among the requests of its work item (1, 2, ...): later ones supersede earlier
 * @param idempotencyKey sent as the Idempotency-Key header: the same for every attempt and restart
 * @param correlationId  the inbound message that caused it (X-Correlation-Id), null for API-made changes
 * @param snapshot       the work item as it stood when the request was decided, JSON
 */
public record OutboxEntry(long id, long workItemId, String vendor, Action action, int sequence,
        String idempotencyKey, String correlationId, String snapshot, Status status, int attempts,
        Instant createdAt) {

    public enum Action { REQUEST, CANCEL }

    public enum Status { PENDING, RELAYED, DELIVERED, SKIPPED, DEAD }
}
