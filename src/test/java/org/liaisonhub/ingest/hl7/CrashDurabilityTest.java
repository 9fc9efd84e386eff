package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.store.MessageSearch;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An acknowledgement is a promise, on the embedded defaults as anywhere, whether it follows the work or the receipt:
 * hubs killed (SIGKILL: no shutdown, no last commit) at a random moment while an EHR sends, each started again on the
 * same data directory, whose PostgreSQL the killed hub left running, still have every message they answered AA, and
 * its work (written at the start for messages acknowledged on receipt). The database syncs each commit before it
 * returns and the hub answers after the commit; that a power loss would lose nothing follows from that sync
 * (docs/operations.md), which a test cannot cut the power to show.
 */
class CrashDurabilityTest {

    private static final int KILLS = 2;

    @TempDir
    Path work;

    @ParameterizedTest(name = "acknowledge {0}")
    @ValueSource(strings = {"after-processing", "on-receipt"})
    void everyMessageAcknowledgedBeforeAKillAtARandomMomentIsThereAfterTheRestart(String acknowledge)
            throws InterruptedException {
        String when = "--hub.mllp.acknowledge=" + acknowledge;
        Path data = work.resolve("data");
        List<Fixtures> acknowledged = new CopyOnWriteArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            int mllp = TestIds.freePort();
            int http = TestIds.freePort();
            try (HubJvm hub = HubJvm.start(work.resolve("hub-" + kill + ".log"),
                    HubProcess.argumentsOnItsOwn(data, mllp, http, when), http, Duration.ofSeconds(120))) {
                int before = acknowledged.size();
                int atRandom = before + ThreadLocalRandom.current().nextInt(10, 120);
                Thread ehr = sending(mllp, acknowledged);
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= atRandom);
                hub.kill();
                ehr.join(Duration.ofSeconds(60).toMillis());
                assertThat(ehr.isAlive()).as("the sender notices the killed hub").isFalse();
            }
        }
        assertEveryOneIsThereOnceWithItsWork(data, acknowledged, when);
    }

    /** Sends fresh admissions one after the other until the connection breaks, keeping those answered AA. */
    private static Thread sending(int mllp, List<Fixtures> acknowledged) {
        Thread sender = new Thread(() -> {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp).timeout(10)) {
                while (true) {
                    Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                    Ack ack = ehr.send(patient.hl7("a01-admit-interpreter"));
                    assertThat(ack.code()).isEqualTo("AA");
                    acknowledged.add(patient);
                }
            } catch (IllegalStateException killed) {
                // the hub died between a message and its acknowledgement: that message was never promised
            }
        }, "ehr");
        sender.start();
        return sender;
    }

    /** Every acknowledged message, with its work: at once, or for messages acknowledged on receipt once written. */
    private static void assertEveryOneIsThereOnceWithItsWork(Path data, List<Fixtures> acknowledged, String when) {
        try (ConfigurableApplicationContext hub = HubProcess.startOnItsOwn(data, TestIds.freePort(), when)) {
            MessageStore store = hub.getBean(MessageStore.class);
            WorkItemRepository items = hub.getBean(WorkItemRepository.class);
            assertThat(acknowledged).as("messages acknowledged over the kills").hasSizeGreaterThanOrEqualTo(KILLS * 10);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lost(acknowledged, store, items))
                    .as("acknowledged, then lost in a crash").isEmpty());
        }
    }

    private static List<String> lost(List<Fixtures> acknowledged, MessageStore store, WorkItemRepository items) {
        List<String> lost = new ArrayList<>();
        for (Fixtures patient : acknowledged) {
            boolean stored = store.search(new MessageSearch(null, null, patient.get("CONTROL_ID"), null, null),
                    FacilityScope.ALL, 0, 1).total() == 1;
            boolean worked = items.search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null),
                    FacilityScope.ALL, 0, 1).total() == 1;
            if (!stored || !worked) {
                lost.add(patient.get("CONTROL_ID"));
            }
        }
        return lost;
    }
}
