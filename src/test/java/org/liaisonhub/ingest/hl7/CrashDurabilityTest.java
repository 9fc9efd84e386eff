package org.liaisonhub.ingest.hl7;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An acknowledgement is a promise: a hub killed (SIGKILL, no shutdown) right after it answered AA still has every
 * message it acknowledged, and its work, when it starts again on the same data; on embedded H2 also the messages
 * only the HL7 journal held, each processed once.
 */
class CrashDurabilityTest {

    /** H2's background writer asleep: what a journaled commit left in memory is written only by a checkpoint. */
    private static final String WRITER_ASLEEP = "--spring.datasource.hikari.connection-init-sql=SET WRITE_DELAY 600000";
    private static final String CHECKPOINT_ASLEEP = "--hub.mllp.journal-checkpoint-interval=1h";

    @TempDir
    Path work;

    @Test
    void everyMessageAcknowledgedBeforeACrashIsThereAfterIt() {
        Path data = work.resolve("data");
        List<Fixtures> acknowledged = acknowledgeThen(data, 200, HubJvm::kill);
        assertEveryOneIsThereOnceWithItsWork(data, acknowledged);
    }

    @Test
    void messagesTheDatabaseHadNotWrittenAtTheCrashAreProcessedAgainFromTheJournal() throws SQLException {
        assumeFalse(TestServices.external(), "the HL7 journal exists on embedded H2 only");
        Path data = work.resolve("data");
        // H2's background writer and the journal's checkpoint asleep: only the journal keeps what was acknowledged
        List<Fixtures> acknowledged = acknowledgeThen(data, 30, HubJvm::kill, WRITER_ASLEEP, CHECKPOINT_ASLEEP);

        assertThat(messagesInTheFile(data)).as("messages H2 wrote before the crash").isLessThan(30);
        assertEveryOneIsThereOnceWithItsWork(data, acknowledged);
    }

    @Test
    void aVendorRequestLeavesOnlyOnceTheDatabaseHasWrittenWhatItComesFrom() throws SQLException {
        assumeFalse(TestServices.external(), "the HL7 journal exists on embedded H2 only");
        WireMockServer vendor = new WireMockServer(options().dynamicPort());
        vendor.start();
        // the vendor holds every request, so no delivery outcome is committed: what is in the file was written
        // before the requests left
        vendor.stubFor(post(urlEqualTo("/interpreter")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(120_000)));
        try {
            Path data = work.resolve("data");
            int messages = 10;
            acknowledgeThen(data, messages, hub -> {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        vendor.findAll(postRequestedFor(urlEqualTo("/interpreter"))).size() >= 2);
                hub.kill();
            }, WRITER_ASLEEP, CHECKPOINT_ASLEEP,
                    "--hub.vendors.interpreter.url=" + vendor.baseUrl() + "/interpreter",
                    "--hub.dispatch.relay-interval=100ms");

            assertThat(messagesInTheFile(data)).as("messages in H2's file, without a replay").isEqualTo(messages);
        } finally {
            vendor.stop();
        }
    }

    @Test
    void aHubStoppedInOrderHasWrittenEverythingAndLeavesNothingToReplay() throws Exception {
        assumeFalse(TestServices.external(), "the HL7 journal exists on embedded H2 only");
        Path data = work.resolve("data");
        acknowledgeThen(data, 20, hub -> hub.stop(Duration.ofSeconds(60)), WRITER_ASLEEP, CHECKPOINT_ASLEEP);

        assertThat(messagesInTheFile(data)).isEqualTo(20);
        try (JournalSegments journal = new JournalSegments(data.resolve("hl7-journal"))) {
            assertThat(journal.readOlder()).as("journal records left by the stop").isEmpty();
        }
    }

    /** Starts a hub, has it acknowledge fresh admissions, then ends it ({@code end}: killed or stopped). */
    private List<Fixtures> acknowledgeThen(Path data, int messages, Consumer<HubJvm> end, String... settings) {
        int mllp = TestIds.freePort();
        int http = TestIds.freePort();
        List<Fixtures> acknowledged = new ArrayList<>();
        try (HubJvm hub = HubJvm.start(work.resolve("hub.log"), HubProcess.arguments(data, data, mllp, http,
                settings), http, Duration.ofSeconds(90))) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp)) {
                for (int i = 0; i < messages; i++) {
                    Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                    assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
                    acknowledged.add(patient);
                }
            }
            end.accept(hub);
        }
        return acknowledged;
    }

    /** Counts the messages in the killed hub's H2 file, as H2 itself recovers it. */
    private static int messagesInTheFile(Path data) throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("liaison-hub")
                + ";DATABASE_TO_LOWER=TRUE", "sa", "");
                ResultSet count = h2.createStatement().executeQuery("select count(*) from inbound_message")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static void assertEveryOneIsThereOnceWithItsWork(Path data, List<Fixtures> acknowledged) {
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
