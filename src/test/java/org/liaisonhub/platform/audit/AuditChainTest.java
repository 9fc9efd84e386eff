package org.liaisonhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail as an auditor can show it: every row chained to the one before, a verification that finds a row
 * changed or removed behind the hub's back, and no patient data read while the trail cannot record the read. The
 * tampering goes around the append-only trigger as the database's owner could.
 */
class AuditChainTest {

    private static final String AUDITOR = "auditor-key-0123456789abcdef";
    private static final String LIAISON = "liaison-key-0123456789abcdef";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext hub;
    private int mllpPort;

    @BeforeEach
    void startHub(@TempDir Path dataDir) {
        mllpPort = TestIds.freePort();
        hub = HubProcess.start(dataDir, mllpPort,
                "--hub.security.api-keys.auditor.key=" + AUDITOR, "--hub.security.api-keys.auditor.roles=AUDITOR",
                "--hub.security.api-keys.nurse.key=" + LIAISON, "--hub.security.api-keys.nurse.roles=LIAISON");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void theChainVerifiesAndARowChangedBehindTheHubsBackIsFound() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/work-items", LIAISON).statusCode()).isEqualTo(200);
        }
        JsonNode intact = json.readTree(get("/api/audit/verify", AUDITOR).body());
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("rowsChecked").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(intact.get("lastHash").asText()).hasSize(64);

        JdbcTemplate owner = TestServices.owner(hub);
        long changed = owner.queryForObject("select min(id) + 2 from access_audit where row_hash is not null",
                Long.class);
        aroundTheTrigger(owner, () -> owner.update("update access_audit set principal = 'someone.else' where id = ?",
                changed));
        JsonNode tampered = json.readTree(get("/api/audit/verify", AUDITOR).body());
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("brokenAt").asLong()).isEqualTo(changed);
        assertThat(tampered.get("problem").asText()).contains("changed after it was recorded");
    }

    @Test
    void rowsRemovedFromTheMiddleOrTheEndAreFound() throws Exception {
        for (int i = 0; i < 5; i++) {
            get("/api/work-items", LIAISON);
        }
        JdbcTemplate owner = TestServices.owner(hub);
        long last = owner.queryForObject("select max(id) from access_audit", Long.class);
        aroundTheTrigger(owner, () -> owner.update("delete from access_audit where id = ?", last));
        JsonNode end = json.readTree(get("/api/audit/verify", AUDITOR).body());
        assertThat(end.get("intact").asBoolean()).isFalse();
        assertThat(end.get("problem").asText()).contains("were removed");

        long middle = owner.queryForObject("select min(id) + 1 from access_audit where row_hash is not null",
                Long.class);
        aroundTheTrigger(owner, () -> owner.update("delete from access_audit where id = ?", middle));
        JsonNode gap = json.readTree(get("/api/audit/verify", AUDITOR).body());
        assertThat(gap.get("brokenAt").asLong()).isGreaterThan(middle);
        assertThat(gap.get("problem").asText()).contains("does not follow the row before it");
    }

    @Test
    void whileTheTrailCannotRecordAReadNoPatientDataIsSent() throws Exception {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllpPort)) {
            assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
        }
        assertThat(get("/api/work-items?mrn=" + patient.get("MRN"), LIAISON).body()).contains(patient.get("MRN"));

        JdbcTemplate owner = TestServices.owner(hub);
        owner.execute("alter table access_audit_head rename to access_audit_head_away");
        try {
            HttpResponse<String> refused = get("/api/work-items?mrn=" + patient.get("MRN"), LIAISON);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain(patient.get("MRN")).doesNotContain("GARCIA")
                    .contains("no patient data is sent");
        } finally {
            owner.execute("alter table access_audit_head_away rename to access_audit_head");
        }
        assertThat(get("/api/work-items?mrn=" + patient.get("MRN"), LIAISON).statusCode()).isEqualTo(200);
    }

    /** What the owner of the schema can do and the hub never does: the trigger away, the change, the trigger back. */
    private static void aroundTheTrigger(JdbcTemplate owner, Runnable change) {
        owner.execute("alter table access_audit disable trigger access_audit_append_only");
        try {
            change.run();
        } finally {
            owner.execute("alter table access_audit enable trigger access_audit_append_only");
        }
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hub.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    }
}
