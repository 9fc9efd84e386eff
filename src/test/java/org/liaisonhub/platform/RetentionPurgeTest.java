package org.liaisonhub.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.VendorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention purge: raw messages processed longer ago than hub.retention.messages and the vendor requests of
 * items closed as long ago go; recent messages, messages in ERROR, unreplayed dead letters and work items stay.
 */
class RetentionPurgeTest extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RetentionPurge retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oldFinishedMessagesAndClosedItemsRequestsGoWhatIsStillNeededStays() {
        Fixtures done = Fixtures.fresh().with("VERSION", "2.5.1");
        String doneAdmission = done.get("CONTROL_ID");
        send(done.hl7("a01-admit-interpreter"), "AA");
        await().atMost(PATIENCE).until(() -> status(done), "SENT"::equals);
        String doneCancel = TestIds.controlId();
        send(done.with("CONTROL_ID", doneCancel).hl7("a11-cancel-admit"), "AA");
        await().atMost(PATIENCE).until(() -> outboxStatuses(done), s -> s.equals(List.of("DELIVERED")));

        Fixtures refused = Fixtures.fresh().with("VERSION", "2.5.1");
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1)
                .withRequestBody(containing(refused.get("MRN"))).willReturn(aResponse().withStatus(400)));
        send(refused.hl7("a01-admit-interpreter"), "AA");
        await().atMost(PATIENCE).until(() -> status(refused), "FAILED"::equals);
        send(refused.with("CONTROL_ID", TestIds.controlId()).hl7("a11-cancel-admit"), "AA");
        await().atMost(PATIENCE).until(() -> status(refused), "CANCELLED"::equals);

        Fixtures inError = Fixtures.fresh();
        send(inError.hl7("a01-no-mrn"), "AE");
        Fixtures recent = Fixtures.fresh().with("VERSION", "2.5.1");
        send(recent.hl7("a01-admit-interpreter"), "AA");

        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        for (String controlId : List.of(doneAdmission, doneCancel, refused.get("CONTROL_ID"),
                inError.get("CONTROL_ID"))) {
            jdbc.update("update inbound_message set processed_at = ?, received_at = ? where control_id = ?",
                    Timestamp.from(longAgo), Timestamp.from(longAgo), controlId);
        }
        jdbc.update("update work_item set updated_at = ? where mrn in (?, ?)", Timestamp.from(longAgo),
                done.get("MRN"), refused.get("MRN"));

        RetentionPurge.Purged purged = retention.purge(Instant.now());

        assertThat(purged.of("messages")).isGreaterThanOrEqualTo(3);
        assertThat(purged.of("vendor requests")).isGreaterThanOrEqualTo(2);
        assertThat(messages(doneAdmission)).as("processed long ago").isZero();
        assertThat(messages(doneCancel)).isZero();
        assertThat(messages(refused.get("CONTROL_ID"))).isZero();
        assertThat(messages(inError.get("CONTROL_ID"))).as("in ERROR: waits for someone").isOne();
        assertThat(messages(recent.get("CONTROL_ID"))).as("recent").isOne();
        assertThat(outboxStatuses(done)).as("the closed item's requests").isEmpty();
        assertThat(outboxStatuses(refused)).as("kept with the dead letter that is not replayed").contains("DEAD");
        assertThat(jdbc.queryForObject("select count(*) from dead_letter d join work_item w on w.id = d.work_item_id"
                + " where w.mrn = ? and d.replayed_at is null", Integer.class, refused.get("MRN"))).isOne();
        long doneItem = jdbc.queryForObject("select id from work_item where mrn = ?", Long.class, done.get("MRN"));
        assertThat(getJson("/api/work-items/" + doneItem).get("history")).as("work items and history stay")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(retention.purge(Instant.now()).total()).as("nothing left to purge").isZero();
    }

    private void send(String message, String expectedCode) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo(expectedCode);
        }
    }

    private String status(Fixtures patient) {
        List<String> statuses = jdbc.queryForList("select status from work_item where mrn = ?", String.class,
                patient.get("MRN"));
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private List<String> outboxStatuses(Fixtures patient) {
        return jdbc.queryForList("select distinct o.status from outbox o join work_item w on w.id = o.work_item_id"
                + " where w.mrn = ?", String.class, patient.get("MRN"));
    }

    private int messages(String controlId) {
        return jdbc.queryForObject("select count(*) from inbound_message where control_id = ?", Integer.class,
                controlId);
    }
}
