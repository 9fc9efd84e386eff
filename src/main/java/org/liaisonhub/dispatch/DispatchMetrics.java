package org.liaisonhub.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Per-vendor dispatch metrics: {@code liaison.vendor.deliveries} by outcome (sent, retried, held: not called while
 * its circuit is open or it asked for a pause, failed, dead_lettered, skipped), {@code liaison.vendor.request.duration}
 * of every HTTP attempt by status class, and {@code liaison.vendor.circuit}: each vendor's gate (0 closed, 1 open,
 * 2 half open: probing, 3 paused by a 429).
 */
@Component
class DispatchMetrics {

    enum Outcome { SENT, RETRIED, HELD, FAILED, DEAD_LETTERED, SKIPPED }

    private final MeterRegistry registry;

    DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String vendor, Outcome outcome) {
        Counter.builder("liaison.vendor.deliveries")
                .description("Vendor request outcomes")
                .tag("vendor", vendor)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    void attempt(String vendor, VendorResponse response) {
        Timer.builder("liaison.vendor.request.duration")
                .description("Time for one HTTP attempt to a vendor")
                .tag("vendor", vendor)
                .tag("status", response.status() == 0 ? "no-answer" : (response.status() / 100) + "xx")
                .register(registry)
                .record(response.elapsed() == null ? Duration.ZERO : response.elapsed());
    }
}
