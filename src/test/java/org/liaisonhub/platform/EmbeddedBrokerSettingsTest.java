package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The embedded broker runs with the hub's settings, not Artemis's defaults. */
class EmbeddedBrokerSettingsTest extends HubIntegrationTest {

    @Autowired
    ApplicationContext context;

    private Configuration broker;

    @BeforeEach
    void embeddedBroker() {
        assumeFalse(TestServices.external(), "this pass runs on a standalone broker");
        broker = context.getBean(EmbeddedActiveMQ.class).getActiveMQServer().getConfiguration();
    }

    @Test
    void vendorQueueMessagesAreRedeliveredWithGrowingDelaysAndNeverDropped() {
        AddressSettings vendorQueues = broker.getAddressSettings().get(ArtemisSettings.VENDOR_QUEUES);

        assertThat(vendorQueues.getMaxDeliveryAttempts()).isEqualTo(-1);
        assertThat(vendorQueues.getRedeliveryDelay()).isEqualTo(1_000);
        assertThat(vendorQueues.getRedeliveryMultiplier()).isEqualTo(2);
        assertThat(vendorQueues.getMaxRedeliveryDelay()).isEqualTo(60_000);
    }

    @Test
    void theJournalSyncsWhatItGatheredEveryHalfMillisecondWhateverItsType() {
        assertThat(broker.getJournalBufferTimeout_NIO()).isEqualTo(500_000);
        assertThat(broker.getJournalBufferTimeout_AIO()).isEqualTo(500_000);
    }
}
