package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An acknowledgement is a promise: a hub killed (SIGKILL, no shutdown) right after it answered AA still has every
 * message it acknowledged, and its work, when it starts again on the same data.
 */
class CrashDurabilityTest {

    @TempDir
    Path work;

    @Test
    void everyMessageAcknowledgedBeforeACrashIsThereAfterIt() {
        Path data = work.resolve("data");
        int mllp = TestIds.freePort();
        int http = TestIds.freePort();
        List<Fixtures> acknowledged = new ArrayList<>();
        try (HubJvm hub = HubJvm.start(work.resolve("hub.log"), HubProcess.arguments(data, data, mllp, http),
                http, Duration.ofSeconds(90))) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp)) {
                for (int i = 0; i < 200; i++) {
                    Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                    assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
                    acknowledged.add(patient);
                }
            }
            hub.kill();
        }
        try (ConfigurableApplicationContext hub = HubProcess.start(data, TestIds.freePort())) {
            MessageStore store = hub.getBean(MessageStore.class);
            WorkItemRepository items = hub.getBean(WorkItemRepository.class);
            List<String> lost = new ArrayList<>();
            for (Fixtures patient : acknowledged) {
                boolean stored = store.search(new org.liaisonhub.store.MessageSearch(null, null,
                        patient.get("CONTROL_ID"), null, null), 0, 1).total() == 1;
                boolean worked = items.search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null), 0, 1)
                        .total() == 1;
                if (!stored || !worked) {
                    lost.add(patient.get("CONTROL_ID"));
                }
            }
            assertThat(lost).as("acknowledged, then lost in the crash").isEmpty();
        }
    }
}
