package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.store.MessageEnvelope;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageSearch;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.ReceivedMessage;
import org.liaisonhub.store.StoredMessage;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code hub.mllp.acknowledge=on-receipt}: the sender is answered once its message is stored and synced, and the
 * message's work items follow, in the order the messages came. What the rules cannot use is still answered AE,
 * a resend is still a duplicate, a message whose work cannot be written is kept as ERROR without holding up the
 * others, and a message acknowledged but not yet processed when the hub stopped is processed when it starts (or,
 * left so while the hub runs, after {@code hub.mllp.receipt-retry-after}).
 */
class AcknowledgeOnReceiptTest extends HubTestBase {

    private static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-on-receipt");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(4);

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        hubAt(registry, DATA_DIR, MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.mllp.acknowledge", () -> "on-receipt");
        registry.add("hub.mllp.receipt-retry-after", () -> RETRY_AFTER.toSeconds() + "s");
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @Autowired
    MessageStore store;

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path restartDir;

    @Test
    void workItemsFollowTheAcknowledgementsInTheOrderTheMessagesCame() {
        Fixtures patient = Fixtures.fresh();
        Ack admit;
        try (MllpTestClient ehr = mllp()) {
            admit = ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            assertThat(ehr.send(patient.with("CONTROL_ID", TestIds.controlId()).with("DISPOSITION", "03")
                    .with("DESTINATION", "SUNRISE SNF").hl7("a03-discharge")).code()).isEqualTo("AA");
            assertThat(ehr.send(patient.with("CONTROL_ID", TestIds.controlId()).hl7("a13-cancel-discharge")).code())
                    .isEqualTo("AA");
        }
        assertThat(admit.code()).isEqualTo("AA");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = workItemsOf(patient.get("MRN"));
            assertThat(items).hasSize(4);
            assertThat(statusOf(items, "TRANSPORT")).as("opened by the A03, then cancelled by the A13")
                    .isEqualTo("CANCELLED");
            assertThat(statusOf(items, "INTERPRETER")).isEqualTo("NEW");
        });
        StoredMessage stored = storedByControlId(admit.acknowledgedControlId());
        assertThat(stored.status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(store.acknowledgement(stored.id())).as("the acknowledgement as sent is kept")
                .hasValueSatisfying(kept -> assertThat(kept).contains("MSA|AA|" + admit.acknowledgedControlId()));
    }

    @Test
    void theAcknowledgementDoesNotWaitForTheWorkItems() throws SQLException {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (Connection blocker = TestServices.owner(context).getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table work_item in exclusive mode");
            }
            try (MllpTestClient ehr = mllp().timeout(10)) {
                assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            assertThat(statuses(patient.get("CONTROL_ID"))).containsExactly(MessageStatus.RECEIVED);
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statuses(patient.get("CONTROL_ID")).equals(List.of(MessageStatus.PROCESSED)));
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
    }

    @Test
    void aMessageTheRulesCannotUseIsStillAnsweredAe() {
        Fixtures patient = Fixtures.fresh();
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("a01-bad-insurance-date"));
        }
        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.errorCode()).isEqualTo("102");
        assertThat(storedByControlId(patient.get("CONTROL_ID")).status()).isEqualTo(MessageStatus.ERROR);
        assertThat(workItemsOf(patient.get("MRN"))).isEmpty();
    }

    @Test
    void aResentMessageIsADuplicateAndOpensNothingNew() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(patient.get("CONTROL_ID"))
                .equals(List.of(MessageStatus.DUPLICATE, MessageStatus.PROCESSED)));
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
    }

    @Test
    void aMessageWhoseWorkCannotBeWrittenIsKeptAsErrorAndTheOthersGoOn() {
        Fixtures before = Fixtures.fresh().with("VERSION", "2.5.1");
        Fixtures refused = Fixtures.fresh().with("VERSION", "2.5.1");
        Fixtures after = Fixtures.fresh().with("VERSION", "2.5.1");
        JdbcTemplate owner = TestServices.owner(context);
        owner.execute("""
                create or replace function refuse_test_mrn() returns trigger language plpgsql as $$
                begin
                    if new.mrn = '%s' then raise exception 'refused by the test'; end if;
                    return new;
                end $$""".formatted(refused.get("MRN")));
        owner.execute("create trigger refuse_test_mrn before insert on work_item for each row"
                + " execute function refuse_test_mrn()");
        try (MllpTestClient ehr = mllp()) {
            for (Fixtures patient : List.of(before, refused, after)) {
                assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
        } finally {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !statuses(after.get("CONTROL_ID")).contains(MessageStatus.RECEIVED));
            owner.execute("drop trigger refuse_test_mrn on work_item");
        }
        StoredMessage error = storedByControlId(refused.get("CONTROL_ID"));
        assertThat(error.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(error.ackCode()).as("what the sender was told").isEqualTo("AA");
        assertThat(error.errorText()).contains("Acknowledged on receipt");
        assertThat(workItemsOf(before.get("MRN"))).hasSize(1);
        assertThat(workItemsOf(after.get("MRN"))).hasSize(1);
        assertThat(workItemsOf(refused.get("MRN"))).isEmpty();
    }

    @Test
    void aMessageLeftReceivedWhileTheHubRunsIsProcessedAgainAfterTheRetryDelay() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        // what the writer leaves when neither the work nor its failure could be written (the database down)
        leaveReceived(context, patient);
        assertThat(storedByControlId(patient.get("CONTROL_ID")).status()).as("not before the retry delay")
                .isEqualTo(MessageStatus.RECEIVED);
        await().atMost(RETRY_AFTER.multipliedBy(5)).untilAsserted(() ->
                assertThat(storedByControlId(patient.get("CONTROL_ID"))).satisfies(message -> {
                    assertThat(message.status()).isEqualTo(MessageStatus.PROCESSED);
                    assertThat(message.reprocessCount()).isEqualTo(1);
                }));
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
    }

    @Test
    void aMessageAcknowledgedButNotProcessedWhenTheHubStoppedIsProcessedWhenItStarts() {
        int port = TestIds.freePort();
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (ConfigurableApplicationContext hub = HubProcess.start(restartDir, port)) {
            // what a crash between the receipt's commit and its work leaves behind
            leaveReceived(hub, patient);
        }
        try (ConfigurableApplicationContext hub = HubProcess.start(restartDir, port)) {
            MessageStore restarted = hub.getBean(MessageStore.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(restarted
                    .search(new MessageSearch(null, null, patient.get("CONTROL_ID"), null, null), FacilityScope.ALL,
                            0, 1).items()).singleElement().satisfies(message -> {
                                assertThat(message.status()).isEqualTo(MessageStatus.PROCESSED);
                                assertThat(message.reprocessCount()).isEqualTo(1);
                            }));
            List<WorkItem> items = hub.getBean(WorkItemRepository.class)
                    .search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null), FacilityScope.ALL, 0,
                            10).items();
            assertThat(items).hasSize(1);
        }
    }

    /** Stores the patient's admission as RECEIVED, as the ACK path does, without handing it to the writer. */
    private static void leaveReceived(ConfigurableApplicationContext hub, Fixtures patient) {
        String raw = patient.hl7("a01-admit-interpreter");
        new TransactionTemplate(hub.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                hub.getBean(MessageStore.class).insert(new ReceivedMessage(new MessageEnvelope("HL7V2",
                        Instant.now(), "127.0.0.1", "EPIC", "GENHOSP", "LIAISONHUB", "GENHOSP", "ADT", "A01",
                        patient.get("CONTROL_ID"), "2.5.1", "UTF-8", raw.length(), patient.get("MRN")), raw),
                        MessageOutcome.of(MessageStatus.RECEIVED, "AA")));
    }

    private StoredMessage storedByControlId(String controlId) {
        return stored(controlId).get(0);
    }

    /** The statuses of the messages with this control id, newest first. */
    private List<MessageStatus> statuses(String controlId) {
        return stored(controlId).stream().map(StoredMessage::status).toList();
    }

    private List<StoredMessage> stored(String controlId) {
        return store.search(new MessageSearch(null, null, controlId, null, null), FacilityScope.ALL, 0, 10).items();
    }

    private static String statusOf(JsonNode items, String type) {
        for (JsonNode item : items) {
            if (item.get("type").asText().equals(type)) {
                return item.get("status").asText();
            }
        }
        throw new AssertionError("no " + type + " item in " + items);
    }
}
