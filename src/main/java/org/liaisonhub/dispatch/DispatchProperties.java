package org.liaisonhub.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Dispatch settings ({@code hub.dispatch.*}). The outbox relay wakes at once after each commit that adds requests;
 * its interval is the safety net that picks up anything else (a request added by another hub instance, a broker
 * that was down, a request whose next attempt has come).
 *
 * @param callbackMaxAge   how old (by its signed timestamp) a vendor callback may be; older ones are refused
 * @param callbackMaxBytes the largest callback body read; a larger one is refused before its signature is computed
 */
@ConfigurationProperties("hub.dispatch")
public record DispatchProperties(Duration relayInterval, int relayBatchSize, Duration callbackMaxAge,
        DataSize callbackMaxBytes) {

    public DispatchProperties {
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        relayBatchSize = relayBatchSize <= 0 ? 100 : relayBatchSize;
        callbackMaxAge = callbackMaxAge == null ? Duration.ofMinutes(5) : callbackMaxAge;
        callbackMaxBytes = callbackMaxBytes == null ? DataSize.ofKilobytes(64) : callbackMaxBytes;
    }
}
