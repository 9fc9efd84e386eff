package org.liaisonhub.ingest.mllp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The MLLP connections open right now on this hub instance, as the gauge {@code liaison.mllp.connections} (the
 * console's dashboard shows it; a sender that should be connected and is not shows up as a drop).
 */
@Component
class MllpConnections {

    private final AtomicInteger open = new AtomicInteger();

    MllpConnections(MeterRegistry registry) {
        Gauge.builder("liaison.mllp.connections", open, AtomicInteger::get)
                .description("MLLP connections open on this hub instance").register(registry);
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }
}
