package org.liaisonhub.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.springframework.stereotype.Component;

/**
 * Whether the hub may call a vendor now, one gate per vendor and hub instance: a resilience4j circuit breaker that
 * opens after a run of unanswered attempts and lets one probe through every probe interval; the vendor's own
 * {@code 429 Retry-After}, which pauses every request to it; and its rate limit. The relay asks how many requests
 * may go to the vendor's queue, the delivery asks before each call. Nothing here waits: a request that may not go
 * now stays in the outbox until it may.
 */
@Component
public class VendorGates {

    /** How a gate stands, as the dashboard and the metrics show it. */
    public enum State { CLOSED, OPEN, HALF_OPEN, PAUSED }

    /** What a call did to the circuit, for the item's history. */
    enum Transition { NONE, OPENED, CLOSED }

    /** A call may be made now, or the request waits until {@code until}, for {@code reason}. */
    record Admission(boolean call, Instant until, String reason) {

        static final Admission CALL = new Admission(true, null, null);
    }

    private final Vendors vendors;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    VendorGates(Vendors vendors) {
        this.vendors = vendors;
    }

    /** How many of the vendor's requests the relay may put on its queue now, at most {@code wanted}. */
    int allowance(String vendor, int wanted, Instant now) {
        Gate gate = gate(vendor);
        if (gate.pausedAt(now)) {
            return 0;
        }
        return switch (gate.breaker.getState()) {
            case OPEN, FORCED_OPEN -> 0;
            case HALF_OPEN -> Math.min(wanted, 1);
            default -> gate.limiter == null ? wanted
                    : Math.min(wanted, Math.max(0, gate.limiter.getMetrics().getAvailablePermissions()));
        };
    }

    /** The relay put {@code count} requests on the vendor's queue: they use up its rate. */
    void released(String vendor, int count) {
        Gate gate = gate(vendor);
        if (gate.limiter != null && count > 0) {
            gate.limiter.acquirePermission(count);
        }
    }

    /** Asked by the delivery before it calls the vendor. */
    Admission admit(String vendor, Instant now) {
        Gate gate = gate(vendor);
        if (gate.pausedAt(now)) {
            return new Admission(false, gate.pausedUntil, "the vendor asked for a pause (429 Retry-After)");
        }
        if (!gate.breaker.tryAcquirePermission()) {
            return new Admission(false, now, "the vendor's circuit is open after "
                    + gate.settings.circuit().failures() + " attempts in a row without an answer");
        }
        return Admission.CALL;
    }

    /**
     * Records what an admitted call got: no answer, a timeout, 408, 429 and 5xx count against the circuit; any other
     * answer shows the vendor is there. A 429's Retry-After pauses the whole vendor.
     */
    Transition record(String vendor, VendorResponse response, Instant now) {
        Gate gate = gate(vendor);
        CircuitBreaker.State before = gate.breaker.getState();
        long took = response.elapsed() == null ? 0 : response.elapsed().toNanos();
        if (response.retryable()) {
            gate.breaker.onError(took, TimeUnit.NANOSECONDS, new VendorUnavailable(response.problem()));
        } else {
            gate.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        if (response.status() == 429 && response.retryAfter() != null) {
            gate.pause(now.plus(RetryPolicy.delay(gate.settings.retry(), 1, response.retryAfter())));
        }
        CircuitBreaker.State after = gate.breaker.getState();
        if (after == CircuitBreaker.State.OPEN && before != CircuitBreaker.State.OPEN) {
            return Transition.OPENED;
        }
        return after == CircuitBreaker.State.CLOSED && before == CircuitBreaker.State.HALF_OPEN
                ? Transition.CLOSED : Transition.NONE;
    }

    public State state(String vendor) {
        Gate gate = gate(vendor);
        if (gate.pausedAt(Instant.now())) {
            return State.PAUSED;
        }
        return switch (gate.breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    private Gate gate(String vendor) {
        return gates.computeIfAbsent(vendor, name -> new Gate(name, vendors.get(name)));
    }

    /** One vendor's breaker, rate limiter (null without a limit) and pause. */
    private static final class Gate {

        private final Vendor settings;
        private final CircuitBreaker breaker;
        private final RateLimiter limiter;
        private volatile Instant pausedUntil = Instant.MIN;

        Gate(String name, Vendor settings) {
            this.settings = settings;
            int failures = settings.circuit().failures();
            this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(failures)
                    .minimumNumberOfCalls(failures)
                    .failureRateThreshold(100)
                    .waitDurationInOpenState(settings.circuit().probeInterval())
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .writableStackTraceEnabled(false)
                    .build());
            this.limiter = settings.maxRequestsPerSecond() <= 0 ? null : RateLimiter.of(name, RateLimiterConfig.custom()
                    .limitForPeriod(Math.max(1, (int) Math.round(settings.maxRequestsPerSecond())))
                    .limitRefreshPeriod(settings.maxRequestsPerSecond() >= 1 ? Duration.ofSeconds(1)
                            : Duration.ofMillis(Math.round(1000 / settings.maxRequestsPerSecond())))
                    .timeoutDuration(Duration.ZERO)
                    .build());
        }

        boolean pausedAt(Instant now) {
            return now.isBefore(pausedUntil);
        }

        synchronized void pause(Instant until) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    /** A failed call as the circuit breaker counts it (never thrown). */
    private static final class VendorUnavailable extends RuntimeException {

        VendorUnavailable(String problem) {
            super(problem, null, false, false);
        }
    }
}
