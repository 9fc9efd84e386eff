package org.liaisonhub.ingest.mllp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The MLLP connections open right now on this hub instance, in total and per address, within
 * {@code hub.mllp.connections.max} and {@code .max-per-address}: a runaway sender cannot take every connection. Their
 * number is the gauge {@code liaison.mllp.connections} (the console's dashboard shows it; a sender that should be
 * connected and is not shows up as a drop).
 */
@Component
class MllpConnections {

    private final int max;
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private int total;

    MllpConnections(MllpProperties properties, MeterRegistry registry) {
        this.max = properties.connections().max();
        this.maxPerAddress = properties.connections().maxPerAddress();
        Gauge.builder("liaison.mllp.connections", this, MllpConnections::total)
                .description("MLLP connections open on this hub instance").register(registry);
    }

    /** Counts a new connection in, or says why it is one too many (and then does not count it). */
    synchronized Admission admit(InetAddress address) {
        if (total >= max) {
            return Admission.TOO_MANY;
        }
        if (open.getOrDefault(address, 0) >= maxPerAddress) {
            return Admission.TOO_MANY_FROM_ADDRESS;
        }
        open.merge(address, 1, Integer::sum);
        total++;
        return Admission.ADMITTED;
    }

    synchronized void closed(InetAddress address) {
        open.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
        total--;
    }

    synchronized int total() {
        return total;
    }

    enum Admission {
        ADMITTED(null),
        TOO_MANY("hub.mllp.connections.max reached"),
        TOO_MANY_FROM_ADDRESS("hub.mllp.connections.max-per-address reached");

        final String reason;

        Admission(String reason) {
            this.reason = reason;
        }
    }
}
