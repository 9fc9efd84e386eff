package org.liaisonhub.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the hub keeps what it no longer needs ({@code hub.retention.*}): raw messages whose processing ended,
 * and the vendor requests of closed work items. Work items, their history and the access audit trail are kept.
 *
 * @param messages  how long after processing a message (and a closed item's vendor requests) are kept
 * @param batchSize rows deleted per transaction, so that no purge holds locks for long
 * @param interval  how often the purge runs
 */
@ConfigurationProperties("hub.retention")
public record RetentionProperties(Duration messages, Integer batchSize, Duration interval) {

    public RetentionProperties {
        messages = messages == null ? Duration.ofDays(30) : messages;
        batchSize = batchSize == null ? 500 : batchSize;
        interval = interval == null ? Duration.ofHours(1) : interval;
        if (messages.isNegative() || messages.isZero() || batchSize < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hub.retention.messages and .interval must be positive durations and"
                    + " .batch-size a positive number");
        }
    }
}
