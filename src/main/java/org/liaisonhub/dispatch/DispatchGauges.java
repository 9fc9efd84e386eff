package org.liaisonhub.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.springframework.stereotype.Component;

/**
 * Gauges of what is waiting: each vendor queue's depth ({@code liaison.vendor.queue.depth}), its dead letters not
 * yet replayed ({@code liaison.vendor.dead-letters}), whether it may be called ({@code liaison.vendor.circuit}) and
 * the outbox backlog ({@code liaison.outbox.pending}).
 */
@Component
class DispatchGauges {

    DispatchGauges(MeterRegistry registry, Vendors vendors, QueueDepths depths, DeadLetters deadLetters,
            Outbox outbox, VendorGates gates) {
        for (String vendor : vendors.names()) {
            String queue = vendors.get(vendor).queue();
            Gauge.builder("liaison.vendor.queue.depth", depths, d -> d.depth(queue))
                    .description("Messages waiting on the vendor's queue")
                    .tag("vendor", vendor)
                    .tag("queue", queue)
                    .register(registry);
            Gauge.builder("liaison.vendor.dead-letters", deadLetters, d -> d.unreplayed(vendor))
                    .description("Dead letters not replayed yet")
                    .tag("vendor", vendor)
                    .register(registry);
            Gauge.builder("liaison.vendor.circuit", gates, g -> g.state(vendor).ordinal())
                    .description("The vendor's gate: 0 closed, 1 open, 2 half open (probing), 3 paused by a 429")
                    .tag("vendor", vendor)
                    .register(registry);
        }
        Gauge.builder("liaison.outbox.pending", outbox, Outbox::pending)
                .description("Vendor requests decided but not yet delivered, skipped or dead-lettered")
                .register(registry);
    }
}
