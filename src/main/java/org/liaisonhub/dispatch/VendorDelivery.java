package org.liaisonhub.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liaisonhub.dispatch.DispatchMetrics.Outcome;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.liaisonhub.workitem.WorkItemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verb of the vendor routes: deliver one queued request. Retries with backoff while the vendor cannot answer
 * (network, timeout, 408, 429, 5xx); records SENT on 2xx; dead-letters a request the vendor rejects (other 4xx)
 * or that runs out of attempts, and fails its item. Returning normally lets the route commit the queue message;
 * an exception (the hub stopping, the database gone) rolls it back, so the broker delivers it again later and
 * the request goes out again under the same idempotency key.
 */
@Component("vendorDelivery")
public class VendorDelivery {

    private static final Logger log = LoggerFactory.getLogger(VendorDelivery.class);

    private final Outbox outbox;
    private final DeliveryAttempts attempts;
    private final Vendors vendors;
    private final WorkItemService workItems;
    private final DeadLetters deadLetters;
    private final VendorRequestBodies bodies;
    private final VendorClient client;
    private final DispatchMetrics metrics;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    VendorDelivery(Outbox outbox, DeliveryAttempts attempts, Vendors vendors, WorkItemService workItems, DeadLetters deadLetters,
            VendorRequestBodies bodies, VendorClient client, DispatchMetrics metrics, ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.attempts = attempts;
        this.vendors = vendors;
        this.workItems = workItems;
        this.deadLetters = deadLetters;
        this.bodies = bodies;
        this.client = client;
        this.metrics = metrics;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param message the queue message (JSON naming the outbox row)
     * @param vendorName the vendor whose queue it came from
     */
    public void deliver(String message, String vendorName) throws InterruptedException {
        long outboxId = VendorMessage.outboxId(message, json);
        OutboxEntry entry = outbox.find(outboxId).orElse(null);
        if (entry == null || entry.finished()) {
            log.debug("Vendor request {} already finished; a repeated queue message is dropped", outboxId);
            return;
        }
        if (!entry.vendor().equals(vendorName)) {
            log.warn("The {} route took request {} meant for {} (two vendors share a queue?); delivering it to {}",
                    vendorName, entry.id(), entry.vendor(), entry.vendor());
        }
        Vendor vendor = vendors.find(entry.vendor()).orElse(null);
        if (vendor == null || !vendor.enabled()) {
            String reason = "hub.vendors." + entry.vendor() + (vendor == null ? " is not configured any more"
                    : ".url is not set");
            deadLetter(entry, reason, new VendorResponse(0, null, null, reason, Duration.ZERO), entry.attempts(),
                    null, Outcome.FAILED);
            return;
        }
        String skip = outbox.reasonToSkip(entry);
        if (skip != null) {
            skip(entry, skip, entry.attempts());
            return;
        }
        String body = bodies.json(entry, vendor);
        int attempt = entry.attempts();
        while (true) {
            attempt++;
            Instant attemptedAt = Instant.now();
            VendorResponse response = client.post(entry.vendor(), vendor, body, entry.idempotencyKey(),
                    entry.correlationId());
            metrics.attempt(entry.vendor(), response);
            if (response.delivered()) {
                delivered(entry, response, attempt, attemptedAt);
                return;
            }
            if (!response.retryable() || attempt >= vendor.retry().maxAttempts()) {
                String reason = response.retryable()
                        ? "Gave up after " + attempt + " attempts; last: " + response.problem()
                        : "Rejected by the vendor: " + response.problem();
                deadLetter(entry, reason, response, attempt, attemptedAt,
                        response.retryable() ? null : Outcome.FAILED);
                return;
            }
            int failedAttempt = attempt;
            transaction.executeWithoutResult(tx -> {
                outbox.recordFailedAttempt(entry.id(), failedAttempt, response.status() == 0 ? null : response.status(),
                        response.problem());
                attempts.record(entry.id(), entry.vendor(), failedAttempt, attemptedAt, response);
            });
            metrics.count(entry.vendor(), Outcome.RETRIED);
            Duration pause = RetryPolicy.delay(vendor.retry(), attempt, response.retryAfter());
            log.info("Vendor {} request {} (work item {}) attempt {} failed ({}); retrying in {} ms", entry.vendor(),
                    entry.id(), entry.workItemId(), attempt, statusOf(response), pause.toMillis());
            Thread.sleep(pause.toMillis());
            String nowSkip = outbox.reasonToSkip(entry);
            if (nowSkip != null) {
                skip(entry, nowSkip, attempt);
                return;
            }
        }
    }

    private void skip(OutboxEntry entry, String reason, int attempts) {
        outbox.finish(entry.id(), Status.SKIPPED, attempts, null, reason, Instant.now());
        metrics.count(entry.vendor(), Outcome.SKIPPED);
        log.info("Vendor {} request {} (work item {}) skipped: {}", entry.vendor(), entry.id(), entry.workItemId(),
                reason);
    }

    private void delivered(OutboxEntry entry, VendorResponse response, int attempts, Instant attemptedAt) {
        transaction.executeWithoutResult(tx -> {
            this.attempts.record(entry.id(), entry.vendor(), attempts, attemptedAt, response);
            outbox.finish(entry.id(), Status.DELIVERED, attempts, response.status(), null, Instant.now());
            workItems.delivered(entry.workItemId(), entry.vendor(), response.reference(),
                    detail(entry, response, attempts, null));
        });
        metrics.count(entry.vendor(), Outcome.SENT);
        log.info("Vendor {} request {} (work item {}, {}) delivered: HTTP {} after {} attempt(s)", entry.vendor(),
                entry.id(), entry.workItemId(), entry.action(), response.status(), attempts);
    }

    /**
     * @param attemptedAt when the last attempt was made, or null when none was (the configuration said no)
     * @param failed also counted as FAILED (the vendor or the configuration said no), or null
     */
    private void deadLetter(OutboxEntry entry, String reason, VendorResponse response, int attempts,
            Instant attemptedAt, Outcome failed) {
        Integer httpStatus = response.status() == 0 ? null : response.status();
        transaction.executeWithoutResult(tx -> {
            if (attemptedAt != null) {
                this.attempts.record(entry.id(), entry.vendor(), attempts, attemptedAt, response);
            }
            Instant now = Instant.now();
            outbox.finish(entry.id(), Status.DEAD, attempts, httpStatus, reason, now);
            deadLetters.add(entry, reason, httpStatus, attempts, now);
            workItems.deliveryFailed(entry.workItemId(), entry.vendor(), detail(entry, response, attempts, reason));
        });
        if (failed != null) {
            metrics.count(entry.vendor(), failed);
        }
        metrics.count(entry.vendor(), Outcome.DEAD_LETTERED);
        log.warn("Vendor {} request {} (work item {}, {}) dead-lettered: {}", entry.vendor(), entry.id(),
                entry.workItemId(), entry.action(), httpStatus == null ? "no answer" : "HTTP " + httpStatus);
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
