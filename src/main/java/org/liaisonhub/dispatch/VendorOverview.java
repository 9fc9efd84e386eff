package org.liaisonhub.dispatch;

import java.util.List;
import java.util.Map;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.springframework.stereotype.Component;

/** Each vendor's state at a glance: whether it is dispatched to, what waits for it, what it refused. */
@Component
public class VendorOverview {

    /**
     * @param pending     requests not yet delivered: waiting for the relay or on the queue
     * @param queueDepth  messages on the vendor's queue, as the broker counts them; NaN when it cannot say
     * @param deadLetters dead letters not yet replayed
     * @param gate        whether this instance calls the vendor now: CLOSED (yes), OPEN (no: its circuit opened),
     *                    HALF_OPEN (one probe at a time) or PAUSED (it answered 429 with a Retry-After)
     */
    public record VendorState(String name, String workItemType, boolean enabled, long pending, double queueDepth,
            long deadLetters, VendorGates.State gate) {
    }

    private final Vendors vendors;
    private final Outbox outbox;
    private final QueueDepths queues;
    private final DeadLetters deadLetters;
    private final VendorGates gates;

    VendorOverview(Vendors vendors, Outbox outbox, QueueDepths queues, DeadLetters deadLetters, VendorGates gates) {
        this.vendors = vendors;
        this.outbox = outbox;
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.gates = gates;
    }

    public List<VendorState> states() {
        Map<String, Long> pending = outbox.pendingByVendor();
        return vendors.names().stream().map(name -> {
            Vendor vendor = vendors.get(name);
            return new VendorState(name, vendor.workItemType(), vendor.enabled(), pending.getOrDefault(name, 0L),
                    queues.depth(vendor.queue()), deadLetters.unreplayed(name), gates.state(name));
        }).toList();
    }
}
