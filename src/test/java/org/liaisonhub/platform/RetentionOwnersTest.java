package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each module purges what it owns on the one retention schedule, exactly what is due and nothing still referred
 * to: closed work items and their history after hub.retention.work-items, messages in ERROR after
 * hub.retention.errors, the FHIR resources of a patient no open item needs after hub.retention.messages, and
 * patient merges after hub.retention.work-items.
 */
class RetentionOwnersTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RetentionPurge retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void closedWorkItemsGoWithTheirHistoryOnceClosedLongerThanTheWorkItemPeriod() {
        Fixtures longClosed = closedInterpreterItem();
        Fixtures recentlyClosed = closedInterpreterItem();
        Fixtures open = Fixtures.fresh().with("VERSION", "2.5.1");
        send(open.hl7("a01-admit-interpreter"), "AA");
        await().atMost(PATIENCE).until(() -> status(open), "SENT"::equals);
        long longClosedItem = itemId(longClosed);

        age(longClosed, 200);
        age(recentlyClosed, 100);
        age(open, 200);
        RetentionPurge.Purged purged = retention.purge(Instant.now());

        assertThat(purged.of("work items")).isGreaterThanOrEqualTo(1);
        assertThat(status(longClosed)).as("closed 200 days ago").isNull();
        assertThat(jdbc.queryForObject("select count(*) from work_item_history where work_item_id = ?",
                Integer.class, longClosedItem)).as("its history").isZero();
        assertThat(status(recentlyClosed)).as("closed 100 days ago").isEqualTo("CANCELLED");
        assertThat(status(open)).as("open, however old").isEqualTo("SENT");
        assertThat(outboxRows(open)).as("an open item's requests").isPositive();
    }

    @Test
    void aClosedItemWaitsForTheVendorRequestThatIsStillInFlight() {
        Fixtures inFlight = closedInterpreterItem();
        jdbc.update("update outbox set status = 'RELAYED' where work_item_id = ?", itemId(inFlight));

        age(inFlight, 200);
        retention.purge(Instant.now());

        assertThat(status(inFlight)).isEqualTo("CANCELLED");
        assertThat(outboxRows(inFlight)).isPositive();
    }

    @Test
    void messagesInErrorGoAfterTheErrorPeriodAndNotBefore() {
        Fixtures longInError = Fixtures.fresh();
        send(longInError.hl7("a01-no-mrn"), "AE");
        Fixtures recentlyInError = Fixtures.fresh();
        send(recentlyInError.hl7("a01-no-mrn"), "AE");
        ageMessage(longInError.get("CONTROL_ID"), 100);
        ageMessage(recentlyInError.get("CONTROL_ID"), 60);

        retention.purge(Instant.now());

        assertThat(messages(longInError.get("CONTROL_ID"))).as("in ERROR for 100 days").isZero();
        assertThat(messages(recentlyInError.get("CONTROL_ID"))).as("in ERROR for 60 days").isOne();
    }

    @Test
    void aPatientsFhirResourcesGoOnlyWhenNoOpenItemNeedsThemAndNoneIsRecent() {
        String withOpenItem = admitOverFhir();
        String withoutItem = TestIds.mrn();
        ehr().update().resource(patient("p-" + withoutItem, withoutItem, "en", "English")).execute();
        ehr().create().resource(encounter(null, TestIds.visit(), "Patient/p-" + withoutItem,
                EncounterStatus.INPROGRESS)).execute();
        String recent = TestIds.mrn();
        ehr().update().resource(patient("p-" + recent, recent, "en", "English")).execute();

        ageResources(withOpenItem, 40);
        ageResources(withoutItem, 40);
        RetentionPurge.Purged purged = retention.purge(Instant.now());

        assertThat(purged.of("FHIR resources")).isGreaterThanOrEqualTo(2);
        assertThat(resources(withoutItem)).as("no open item, received 40 days ago").isZero();
        assertThat(resources(withOpenItem)).as("its interpreter item is open").isEqualTo(2);
        assertThat(resources(recent)).as("received just now").isOne();
    }

    @Test
    void aPatientMergeIsForgottenAfterTheWorkItemPeriod() {
        String old = TestIds.mrn();
        String recent = TestIds.mrn();
        jdbc.update("insert into patient_merge (prior_mrn, surviving_mrn, merged_at) values (?, 'S', ?)", old,
                Timestamp.from(Instant.now().minus(Duration.ofDays(200))));
        jdbc.update("insert into patient_merge (prior_mrn, surviving_mrn, merged_at) values (?, 'S', ?)", recent,
                Timestamp.from(Instant.now().minus(Duration.ofDays(100))));

        assertThat(retention.purge(Instant.now()).of("patient merges")).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select prior_mrn from patient_merge where prior_mrn in (?, ?)", String.class,
                old, recent)).containsExactly(recent);
    }

    private Fixtures closedInterpreterItem() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        send(patient.hl7("a01-admit-interpreter"), "AA");
        await().atMost(PATIENCE).until(() -> status(patient), "SENT"::equals);
        send(patient.with("CONTROL_ID", TestIds.controlId()).hl7("a11-cancel-admit"), "AA");
        await().atMost(PATIENCE).until(() -> jdbc.queryForList("select distinct o.status from outbox o join"
                + " work_item w on w.id = o.work_item_id where w.mrn = ?", String.class, patient.get("MRN")),
                statuses -> statuses.equals(List.of("DELIVERED")));
        return patient;
    }

    private String admitOverFhir() {
        String mrn = TestIds.mrn();
        ehr().update().resource(patient("p-" + mrn, mrn, "es", "Spanish")).execute();
        ehr().create().resource(encounter(null, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS))
                .execute();
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        return mrn;
    }

    private void send(String message, String expectedCode) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo(expectedCode);
        }
    }

    @Test
    void callbackSignaturesGoOnceTwiceTheAcceptedCallbackAgeHasPassed() {
        String old = "a".repeat(60) + TestIds.controlId().substring(1, 5);
        String recent = "b".repeat(60) + TestIds.controlId().substring(1, 5);
        jdbc.update("insert into vendor_callback (signature, vendor, received_at) values (?, 'interpreter', ?)", old,
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))));
        jdbc.update("insert into vendor_callback (signature, vendor, received_at) values (?, 'interpreter', ?)",
                recent, Timestamp.from(Instant.now().minus(Duration.ofMinutes(9))));

        assertThat(retention.purge(Instant.now()).of("callback signatures")).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select signature from vendor_callback where signature in (?, ?)", String.class,
                old, recent)).containsExactly(recent);
    }

    private void age(Fixtures patient, int days) {
        jdbc.update("update work_item set updated_at = ? where mrn = ?", daysAgo(days), patient.get("MRN"));
    }

    private void ageMessage(String controlId, int days) {
        jdbc.update("update inbound_message set processed_at = ?, received_at = ? where control_id = ?",
                daysAgo(days), daysAgo(days), controlId);
    }

    private void ageResources(String mrn, int days) {
        jdbc.update("update fhir_resource set updated_at = ? where patient_ref = ?", daysAgo(days), "Patient/p-" + mrn);
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
    }

    private String status(Fixtures patient) {
        List<String> statuses = jdbc.queryForList("select status from work_item where mrn = ?", String.class,
                patient.get("MRN"));
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private long itemId(Fixtures patient) {
        return jdbc.queryForObject("select id from work_item where mrn = ?", Long.class, patient.get("MRN"));
    }

    private int outboxRows(Fixtures patient) {
        return jdbc.queryForObject("select count(*) from outbox o join work_item w on w.id = o.work_item_id"
                + " where w.mrn = ?", Integer.class, patient.get("MRN"));
    }

    private int messages(String controlId) {
        return jdbc.queryForObject("select count(*) from inbound_message where control_id = ?", Integer.class,
                controlId);
    }

    private int resources(String mrn) {
        return jdbc.queryForObject("select count(*) from fhir_resource where patient_ref = ?", Integer.class,
                "Patient/p-" + mrn);
    }
}
