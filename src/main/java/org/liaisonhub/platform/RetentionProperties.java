package org.liaisonhub.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the hub keeps what it no longer needs ({@code hub.retention.*}). The access audit is never purged by
 * the hub (docs/operations.md says how to archive it).
 *
 * @param messages  how long after processing a message (and a closed item's vendor requests, and the FHIR
 *                  resources of patients with no open item) are kept
 * @param errors    how long a message in ERROR is kept for someone to reprocess it
 * @param workItems how long a closed work item and its history are kept after it closed
 * @param batchSize rows deleted per transaction, so that no purge holds locks for long
 * @param interval  how often the purge runs
 */
@ConfigurationProperties("hub.retention")
public record RetentionProperties(Duration messages, Duration errors, Duration workItems, Integer batchSize,
        Duration interval) {

    public RetentionProperties {
        messages = messages == null ? Duration.ofDays(30) : messages;
        errors = errors == null ? Duration.ofDays(90) : errors;
        workItems = workItems == null ? Duration.ofDays(180) : workItems;
        batchSize = batchSize == null ? 500 : batchSize;
        interval = interval == null ? Duration.ofHours(1) : interval;
        for (Duration period : new Duration[] {messages, errors, workItems, interval}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("hub.retention.messages, .errors, .work-items and .interval must"
                        + " be positive durations");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.retention.batch-size must be a positive number");
        }
    }
}
