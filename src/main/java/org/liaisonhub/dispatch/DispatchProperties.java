package org.liaisonhub.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code hub.dispatch.*}). It wakes at once after each commit that adds requests; the interval
 * is the safety net that picks up anything else (a request added by another hub instance, a broker that was down).
 */
@ConfigurationProperties("hub.dispatch")
public record DispatchProperties(Duration relayInterval, int relayBatchSize) {

    public DispatchProperties {
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        relayBatchSize = relayBatchSize <= 0 ? 100 : relayBatchSize;
    }
}
