package org.liaisonhub.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.liaisonhub.dispatch.DeliveryRecords.Attempt;
import org.liaisonhub.dispatch.DispatchMetrics.Outcome;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The verb of the vendor routes: make one attempt at one queued request, and end the consumer's work on it at once.
 * 2xx delivers it; a vendor that cannot answer (network, timeout, 408, 429, 5xx) gets the request again at its next
 * attempt, scheduled in the outbox (the relay puts it back on the queue when it is due, so nothing waits in a
 * consumer and the rest of the queue flows); another 4xx, or the last attempt, dead-letters it. A vendor whose
 * circuit is open, or that asked for a pause, is not called: the request waits untried. Returning normally lets the
 * route commit the queue message; an exception (the hub stopping, the database gone) rolls it back, so the broker
 * delivers it again and the request goes out under the same idempotency key.
 */
@Component("vendorDelivery")
public class VendorDelivery {

    private static final Logger log = LoggerFactory.getLogger(VendorDelivery.class);

    private final Outbox outbox;
    private final Vendors vendors;
    private final VendorGates gates;
    private final VendorRequestBodies bodies;
    private final VendorClient client;
    private final DeliveryRecords records;
    private final DispatchMetrics metrics;
    private final ObjectMapper json;

    VendorDelivery(Outbox outbox, Vendors vendors, VendorGates gates, VendorRequestBodies bodies, VendorClient client,
            DeliveryRecords records, DispatchMetrics metrics, ObjectMapper json) {
        this.outbox = outbox;
        this.vendors = vendors;
        this.gates = gates;
        this.bodies = bodies;
        this.client = client;
        this.records = records;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * @param message the queue message (JSON naming the outbox row)
     * @param vendorName the vendor whose queue it came from
     */
    public void deliver(String message, String vendorName) throws InterruptedException {
        long outboxId = VendorMessage.outboxId(message, json);
        OutboxEntry entry = outbox.findRelayed(outboxId).orElse(null);
        if (entry == null || entry.status() != Status.RELAYED) {
            // finished, or waiting in the outbox for its next attempt: the relay sends it again when it is due
            log.debug("Vendor request {} is not on its way ({}); a repeated queue message is dropped", outboxId,
                    entry == null ? "gone" : entry.status());
            return;
        }
        if (!entry.vendor().equals(vendorName)) {
            log.warn("The {} route took request {} meant for {} (two vendors share a queue?); delivering it to {}",
                    vendorName, entry.id(), entry.vendor(), entry.vendor());
        }
        Vendor vendor = vendors.find(entry.vendor()).orElse(null);
        if (vendor == null || !vendor.enabled()) {
            records.deadLettered(entry, "hub.vendors." + entry.vendor() + (vendor == null
                    ? " is not configured any more" : ".url is not set"), null, Outcome.FAILED);
            return;
        }
        String skip = outbox.reasonToSkip(entry);
        if (skip != null) {
            records.skipped(entry, skip);
            return;
        }
        Instant now = Instant.now();
        VendorGates.Admission admission = gates.admit(entry.vendor(), now);
        if (!admission.call()) {
            records.heldBack(entry, admission);
            return;
        }
        VendorResponse response = client.post(entry.vendor(), vendor, bodies.json(entry, vendor),
                entry.idempotencyKey(), entry.correlationId());
        metrics.attempt(entry.vendor(), response);
        Attempt attempt = new Attempt(entry.attempts() + 1, now, response,
                gates.record(entry.vendor(), response, Instant.now()));
        if (response.delivered()) {
            records.delivered(entry, attempt);
        } else if (!response.retryable()) {
            records.deadLettered(entry, "Rejected by the vendor: " + response.problem(), attempt, Outcome.FAILED);
        } else if (attempt.number() >= vendor.retry().maxAttempts()) {
            records.deadLettered(entry, "Gave up after " + attempt.number() + " attempts; last: "
                    + response.problem(), attempt, null);
        } else {
            records.retryAt(entry, attempt, Instant.now().plus(RetryPolicy.delay(vendor.retry(), attempt.number(),
                    response.retryAfter())));
        }
    }
}
