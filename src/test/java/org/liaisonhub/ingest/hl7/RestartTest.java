package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.store.MessageSearch;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.StoredMessage;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/** The embedded defaults keep everything across a stop and a start on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void messagesWorkItemsDuplicateDetectionAndBrokerMessagesSurviveARestart() {
        int port = TestIds.freePort();
        Fixtures patient = Fixtures.fresh();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port)) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
                assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
            }
            hub.getBean(JmsTemplate.class).convertAndSend("liaison.test.restart", "kept in the journal");
        }

        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port)) {
            Page<StoredMessage> stored = hub.getBean(MessageStore.class)
                    .search(new MessageSearch(null, null, patient.get("CONTROL_ID"), null, null), FacilityScope.ALL,
                            0, 10);
            assertThat(stored.items()).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.PROCESSED));
            Page<WorkItem> items = hub.getBean(WorkItemRepository.class)
                    .search(new WorkItemSearch(null, null, patient.get("MRN"), null), FacilityScope.ALL, 0, 10);
            assertThat(items.total()).isEqualTo(3);

            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
                assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
            }
            assertThat(hub.getBean(MessageStore.class)
                    .search(new MessageSearch(MessageStatus.DUPLICATE, null, patient.get("CONTROL_ID"), null, null),
                            FacilityScope.ALL, 0, 10)
                    .total()).as("the resend after the restart is recognised as a duplicate").isEqualTo(1);

            JmsTemplate jms = hub.getBean(JmsTemplate.class);
            jms.setReceiveTimeout(10_000);
            assertThat(jms.receiveAndConvert("liaison.test.restart")).isEqualTo("kept in the journal");
        }
    }
}
