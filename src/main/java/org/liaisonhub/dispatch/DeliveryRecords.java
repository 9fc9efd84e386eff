package org.liaisonhub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liaisonhub.dispatch.DispatchMetrics.Outcome;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.dispatch.VendorGates.Transition;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.liaisonhub.workitem.WorkItemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one delivery of a vendor request comes to, written in one transaction each: delivered, skipped,
 * dead-lettered, scheduled for its next attempt, or held back untried while its vendor may not be called. The item's
 * history says what its vendor did, including when the vendor's circuit opened and closed around it.
 */
@Component
class DeliveryRecords {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecords.class);

    private final Outbox outbox;
    private final DeliveryAttempts attempts;
    private final WorkItemService workItems;
    private final DeadLetters deadLetters;
    private final DispatchMetrics metrics;
    private final TransactionTemplate transaction;

    DeliveryRecords(Outbox outbox, DeliveryAttempts attempts, WorkItemService workItems, DeadLetters deadLetters,
            DispatchMetrics metrics, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.attempts = attempts;
        this.workItems = workItems;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
    }

    void skipped(OutboxEntry entry, String reason) {
        outbox.finish(entry.id(), Status.SKIPPED, entry.attempts(), null, reason, Instant.now());
        metrics.count(entry.vendor(), Outcome.SKIPPED);
        log.info("Vendor {} request {} (work item {}) skipped: {}", entry.vendor(), entry.id(), entry.workItemId(),
                reason);
    }

    void delivered(OutboxEntry entry, Attempt attempt) {
        Map<String, Object> detail = detail(entry, attempt.response(), attempt.number(), null);
        if (attempt.circuit() == Transition.CLOSED) {
            detail.put("circuit", "CLOSED: the vendor answered again");
        }
        transaction.executeWithoutResult(tx -> {
            attempts.record(entry.id(), entry.vendor(), attempt.number(), attempt.at(), attempt.response());
            outbox.finish(entry.id(), Status.DELIVERED, attempt.number(), attempt.response().status(), null,
                    Instant.now());
            workItems.delivered(entry.workItemId(), entry.vendor(), attempt.response().reference(), detail);
        });
        metrics.count(entry.vendor(), Outcome.SENT);
        log.info("Vendor {} request {} (work item {}, {}) delivered: HTTP {} after {} attempt(s)", entry.vendor(),
                entry.id(), entry.workItemId(), entry.action(), attempt.response().status(), attempt.number());
    }

    /** The attempt failed in a way worth another: the request waits in the outbox until {@code next}. */
    void retryAt(OutboxEntry entry, Attempt attempt, Instant next) {
        VendorResponse response = attempt.response();
        transaction.executeWithoutResult(tx -> {
            outbox.scheduleRetry(entry.id(), attempt.number(), response.status() == 0 ? null : response.status(),
                    response.problem(), next);
            attempts.record(entry.id(), entry.vendor(), attempt.number(), attempt.at(), response);
            if (attempt.circuit() == Transition.OPENED) {
                workItems.deliveryWaiting(entry.workItemId(), entry.vendor(), Map.of("circuit",
                        "OPEN: the vendor is not called until it answers a probe", "lastProblem",
                        String.valueOf(response.problem())));
            }
        });
        metrics.count(entry.vendor(), Outcome.RETRIED);
        log.info("Vendor {} request {} (work item {}) attempt {} failed ({}); next attempt in {} ms", entry.vendor(),
                entry.id(), entry.workItemId(), attempt.number(), statusOf(response),
                Duration.between(Instant.now(), next).toMillis());
    }

    /** The vendor may not be called now: the request waits, untried, and its item's history says why (once). */
    void heldBack(OutboxEntry entry, VendorGates.Admission admission) {
        transaction.executeWithoutResult(tx -> {
            outbox.holdBack(entry.id(), admission.until());
            workItems.deliveryWaiting(entry.workItemId(), entry.vendor(), Map.of("reason", admission.reason()));
        });
        metrics.count(entry.vendor(), Outcome.HELD);
        log.debug("Vendor {} request {} (work item {}) held back: {}", entry.vendor(), entry.id(), entry.workItemId(),
                admission.reason());
    }

    /**
     * @param attempt the last attempt, or null when none was made (the configuration said no)
     * @param failed  also counted as FAILED (the vendor or the configuration said no), or null
     */
    void deadLettered(OutboxEntry entry, String reason, Attempt attempt, Outcome failed) {
        VendorResponse response = attempt == null ? new VendorResponse(0, null, null, reason, Duration.ZERO)
                : attempt.response();
        int count = attempt == null ? entry.attempts() : attempt.number();
        Integer httpStatus = response.status() == 0 ? null : response.status();
        transaction.executeWithoutResult(tx -> {
            if (attempt != null) {
                attempts.record(entry.id(), entry.vendor(), count, attempt.at(), response);
            }
            Instant now = Instant.now();
            outbox.finish(entry.id(), Status.DEAD, count, httpStatus, reason, now);
            deadLetters.add(entry, reason, httpStatus, count, now);
            workItems.deliveryFailed(entry.workItemId(), entry.vendor(), detail(entry, response, count, reason));
        });
        if (failed != null) {
            metrics.count(entry.vendor(), failed);
        }
        metrics.count(entry.vendor(), Outcome.DEAD_LETTERED);
        log.warn("Vendor {} request {} (work item {}, {}) dead-lettered: {}", entry.vendor(), entry.id(),
                entry.workItemId(), entry.action(), httpStatus == null ? "no answer" : "HTTP " + httpStatus);
    }

    /**
     * One call to the vendor: its number among the request's attempts, when it was made, what came back and what
     * it did to the vendor's circuit.
     */
    record Attempt(int number, Instant at, VendorResponse response, Transition circuit) {
    }

    private static Map<String, Object> detail(OutboxEntry entry, VendorResponse response, int attempts,
            String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("action", entry.action().name());
        detail.put("idempotencyKey", entry.idempotencyKey());
        detail.put("attempts", attempts);
        if (response.status() != 0) {
            detail.put("httpStatus", response.status());
        }
        if (response.reference() != null) {
            detail.put("vendorReference", response.reference());
        }
        if (reason != null) {
            detail.put("reason", reason);
        }
        return detail;
    }

    private static String statusOf(VendorResponse response) {
        return response.status() == 0 ? "no answer" : "HTTP " + response.status();
    }
}
