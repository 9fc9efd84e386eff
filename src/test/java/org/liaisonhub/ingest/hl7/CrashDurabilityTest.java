package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An acknowledgement is a promise: a hub killed (SIGKILL, no shutdown) right after it answered AA still has every
 * message it acknowledged, and its work, when it starts again on the same data.
 */
class CrashDurabilityTest {

    /** H2's background writer asleep: only the hub's own write at each commit puts a commit in the file. */
    private static final String WRITER_ASLEEP = "--spring.datasource.hikari.connection-init-sql=SET WRITE_DELAY 600000";

    @TempDir
    Path work;

    @Test
    void everyMessageAcknowledgedBeforeACrashIsThereAfterIt() {
        Path data = work.resolve("data");
        List<Fixtures> acknowledged = acknowledgeThenKill(data, 200);
        assertEveryOneIsThereOnceWithItsWork(data, acknowledged);
    }

    @Test
    void aMessageIsInTheDatabaseFileBeforeItIsAcknowledgedEvenWithH2sBackgroundWriterAsleep() throws SQLException {
        assumeFalse(TestServices.external(), "embedded H2 only");
        Path data = work.resolve("data");
        List<Fixtures> acknowledged = acknowledgeThenKill(data, 30, WRITER_ASLEEP);

        assertThat(messagesInTheFile(data)).as("messages in H2's file, as the crash left it").isEqualTo(30);
        assertEveryOneIsThereOnceWithItsWork(data, acknowledged);
    }

    /** Starts a hub, has it acknowledge fresh admissions, then kills it. */
    private List<Fixtures> acknowledgeThenKill(Path data, int messages, String... settings) {
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
            hub.kill();
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
                        patient.get("CONTROL_ID"), null, null), FacilityScope.ALL, 0, 1).total() == 1;
                boolean worked = items.search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null),
                        FacilityScope.ALL, 0, 1)
                        .total() == 1;
                if (!stored || !worked) {
                    lost.add(patient.get("CONTROL_ID"));
                }
            }
            assertThat(lost).as("acknowledged, then lost in the crash").isEmpty();
        }
    }
}
