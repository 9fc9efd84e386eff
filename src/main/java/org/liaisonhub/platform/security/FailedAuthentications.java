package org.liaisonhub.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.liaisonhub.platform.AuthenticationFailures;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed authentications per client address and minute. An address that presented wrong credentials
 * {@code hub.security.failed-authentications-per-minute} times is refused (429) until the minute is over, so that
 * keys cannot be guessed at network speed. The audit trail gets the first failure of an address in a minute at once,
 * with its reason, and the rest of that minute as one row with their count, so that a flood is accounted for without
 * drowning the trail. Kept per hub instance, in memory.
 */
@Component
class FailedAuthentications implements AuthenticationFailures {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final AuditTrail audit;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    FailedAuthentications(AuditTrail audit, @Value("${hub.security.failed-authentications-per-minute}") int perMinute) {
        this(audit, perMinute, Clock.systemUTC());
    }

    FailedAuthentications(AuditTrail audit, int perMinute, Clock clock) {
        this.audit = audit;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** How long requests from this address are still refused; empty when they are not. */
    Optional<Duration> refusedFor(String address) {
        Window window = windows.get(address);
        Instant now = clock.instant();
        if (window == null || !window.covers(now) || window.wrongCredentials() < perMinute) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(MINUTE)));
    }

    /**
     * Counts one failure and records it as the audit trail takes it.
     *
     * @param presented whether credentials were sent (only wrong ones count towards the limit)
     */
    void failed(String address, String method, String path, String reason, boolean presented) {
        Instant now = clock.instant();
        Window[] ended = new Window[1];
        Window window = windows.compute(address, (a, current) -> {
            if (current != null && current.covers(now)) {
                return current.plusOne(presented);
            }
            ended[0] = current;
            return new Window(now, 1, presented ? 1 : 0);
        });
        summarize(address, ended[0]);
        if (window.failures() == 1) {
            audit.record(null, AuditEvent.AUTHENTICATION_FAILED, null, null, method, path, 401, address, reason);
        }
    }

    @Override
    public void failed(String address, String method, String path, String reason) {
        failed(address, method, path, reason, true);
    }

    /** Writes the counts of the minutes that are over and forgets them. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void summarizeEndedMinutes() {
        Instant now = clock.instant();
        windows.forEach((address, window) -> {
            if (!window.covers(now) && windows.remove(address, window)) {
                summarize(address, window);
            }
        });
    }

    private void summarize(String address, Window window) {
        if (window != null && window.failures() > 1) {
            audit.record(null, AuditEvent.AUTHENTICATION_FAILED, null, null, null, null, 401, address,
                    (window.failures() - 1) + " more failed authentications in the minute from " + window.start());
        }
    }

    private record Window(Instant start, int failures, int wrongCredentials) {

        boolean covers(Instant when) {
            return when.isBefore(start.plus(MINUTE));
        }

        Window plusOne(boolean presented) {
            return new Window(start, failures + 1, wrongCredentials + (presented ? 1 : 0));
        }
    }
}
