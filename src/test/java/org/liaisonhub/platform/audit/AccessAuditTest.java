package org.liaisonhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who read or changed which record, when, from where, with what outcome: ids only, never patient data. */
class AccessAuditTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsChangesReplaysAndFailedLoginsAreRecordedWithoutPatientData() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
        }
        Instant start = Instant.now();
        JsonNode page = as(Role.LIAISON, HttpMethod.GET, "/api/work-items?mrn=" + patient.get("MRN"), null);
        long itemId = page.at("/items/0/id").asLong();
        as(Role.LIAISON, HttpMethod.GET, "/api/work-items/" + itemId, null);
        as(Role.LIAISON, HttpMethod.PATCH, "/api/work-items/" + itemId, "{\"assignee\": \"jdoe\"}");
        as(Role.INTEGRATION, HttpMethod.POST, "/api/dead-letters/424242/replay", null);
        HttpHeaders wrongKey = new HttpHeaders();
        wrongKey.setBearerAuth("not-a-key-of-this-hub");
        // a client of its own behind the trusted (loopback) proxy: its first failure of the minute is its own row
        String client = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff);
        wrongKey.set("X-Forwarded-For", client);
        http.exchange("/api/work-items", HttpMethod.GET, new HttpEntity<>(wrongKey), String.class);

        JsonNode events = as(Role.AUDITOR, HttpMethod.GET, "/api/audit?size=50&from=" + start, null).get("items");
        assertThat(find(events, "READ", "test-liaison", "/api/work-items").get("resourceIds").asText())
                .as("the ids on the page read").contains(String.valueOf(itemId));
        assertThat(find(events, "READ", "test-liaison", "/api/work-items").get("detail").asText())
                .as("filters are named, their values are not kept").isEqualTo("filters: mrn");
        JsonNode read = find(events, "READ", "test-liaison", "/api/work-items/" + itemId);
        assertThat(read.get("resourceType").asText()).isEqualTo("WorkItem");
        assertThat(read.get("status").asInt()).isEqualTo(200);
        assertThat(read.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(find(events, "CHANGE", "test-liaison", "/api/work-items/" + itemId).get("method").asText())
                .isEqualTo("PATCH");
        assertThat(find(events, "REPLAY", "test-integration", "/api/dead-letters/424242/replay").get("status").asInt())
                .isEqualTo(404);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(e.get("path").asText()).isEqualTo("/api/work-items");
            assertThat(e.get("remoteAddress").asText()).isEqualTo(client);
            assertThat(e.get("detail").asText()).isEqualTo("unknown credentials");
        });

        String everything = events.toString();
        assertThat(everything).doesNotContain(patient.get("MRN")).doesNotContain("GARCIA")
                .doesNotContain("19580214").doesNotContain("1958-02-14");
    }

    @Test
    void refusedRequestsAreRecordedAndTheTrailIsForAuditorsOnly() {
        Instant start = Instant.now();
        HttpHeaders liaison = new HttpHeaders();
        liaison.setBearerAuth(key(Role.LIAISON));
        ResponseEntity<String> refused = http.exchange("/api/audit", HttpMethod.GET, new HttpEntity<>(liaison),
                String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);

        JsonNode events = as(Role.AUDITOR, HttpMethod.GET, "/api/audit?action=ACCESS_DENIED&from=" + start, null)
                .get("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("principal").asText()).isEqualTo("test-liaison");
            assertThat(e.get("path").asText()).isEqualTo("/api/audit");
            assertThat(e.get("status").asInt()).isEqualTo(403);
        });
    }

    @Test
    void theTrailCannotBeRewrittenOrErased() {
        as(Role.LIAISON, HttpMethod.GET, "/api/work-items", null);
        assertThat(jdbc.queryForObject("select count(*) from access_audit", Integer.class)).isPositive();
        // refused by the append-only trigger; on PostgreSQL the hub's role is not even granted it
        for (String erase : new String[] {"update access_audit set principal = 'someone else'",
            "delete from access_audit"}) {
            assertThatThrownBy(() -> jdbc.update(erase)).as(erase).rootCause()
                    .satisfies(refused -> assertThat(refused.getMessage())
                            .containsAnyOf("append-only", "permission denied"));
        }
    }

    private JsonNode as(Role role, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key(role));
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return response.getBody() == null ? null : read(response.getBody());
    }

    private static JsonNode find(JsonNode events, String action, String principal, String path) {
        for (JsonNode event : events) {
            if (event.get("action").asText().equals(action) && event.get("principal").asText().equals(principal)
                    && event.get("path").asText().equals(path)) {
                return event;
            }
        }
        throw new AssertionError("no " + action + " by " + principal + " on " + path + " in " + events);
    }
}
