package org.liaisonhub.platform;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Address settings of the embedded broker for the vendor queues. A message whose delivery failed for a reason
 * outside the vendor (the hub stopping, the database unreachable) is redelivered with growing delays and never
 * dropped: Artemis's default would discard it after ten tries, as no dead-letter address is set. Requests the
 * vendor rejects are dead-lettered by the hub itself, in the database. An external broker needs the same
 * settings for {@code liaison.vendor.#} (docs/vendors.md).
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
}
