package org.liaisonhub.platform;

import java.time.Duration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the embedded broker. A vendor-queue message whose delivery failed for a reason outside the vendor
 * (the hub stopping, the database unreachable) is redelivered with growing delays and never dropped: Artemis's
 * default would discard it after ten tries, as no dead-letter address is set. Requests the vendor rejects are
 * dead-lettered by the hub itself, in the database. An external broker needs the same settings for
 * {@code liaison.vendor.#} (docs/vendors.md).
 */
@Configuration(proxyBeanMethods = false)
public class ArtemisSettings {

    static final String VENDOR_QUEUES = "liaison.vendor.#";

    @Bean
    ArtemisConfigurationCustomizer vendorQueueRedelivery() {
        return configuration -> configuration.addAddressSetting(VENDOR_QUEUES, new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000));
    }

    /**
     * How long the journal gathers writes before one sync writes them all. Every transaction commit on a vendor
     * queue (the relay's send, each delivery's receipt) waits for that sync, so on a disk that syncs in a fraction
     * of a millisecond Artemis's NIO default of 3.3 ms held each commit back for longer than the disk took (0.5 ms,
     * Artemis's default for its AIO journal, delivered faster in the benchmarks). A slower disk gathers more writes
     * per sync by itself.
     */
    @Bean
    ArtemisConfigurationCustomizer journalBufferTimeout(
            @Value("${hub.broker.journal-buffer-timeout}") Duration timeout) {
        int nanos = Math.toIntExact(timeout.toNanos());
        return configuration -> configuration.setJournalBufferTimeout_NIO(nanos).setJournalBufferTimeout_AIO(nanos);
    }
}
