package org.liaisonhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/mappings/try}: an integration engineer sees what messages would do under the running rules, and
 * nothing is stored or opened. Only the INTEGRATION role (and ADMIN) may.
 */
class MappingTrialApiTest extends HubIntegrationTest {

    @Test
    void anIntegrationEngineerTriesAnAdmissionAndItsCancelAndNothingIsStored() throws IOException {
        String mrn = TestIds.mrn();
        Map<String, Object> body = Map.of("explain", true, "messages", List.of(
                file("samples/hl7/a01-admit-spanish-speaker.hl7", mrn), file("samples/hl7/a11-cancel-admit.hl7", mrn)));

        ResponseEntity<String> answer = post(body, MediaType.APPLICATION_JSON, key(Role.INTEGRATION));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode messages = read(answer.getBody()).get("messages");
        assertThat(messages.get(0).get("changes")).extracting(c -> c.get("action").asText() + " "
                + c.get("type").asText()).containsExactly("OPENED INTERPRETER", "OPENED INSURANCE_VERIFICATION");
        assertThat(messages.get(0).get("verdicts")).anySatisfy(v -> assertThat(v.get("rule").asText())
                .isEqualTo("adt-liaison/admit-cancelled"));
        assertThat(messages.get(1).get("changes")).extracting(c -> c.get("action").asText())
                .containsExactly("CANCELLED", "CANCELLED");
        assertThat(messages.get(0).at("/changes/0/mrn").asText()).isEqualTo(mrn);
        assertThat(getJson("/api/messages?mrn=" + mrn).get("total").asLong()).isZero();
        assertThat(workItemsOf(mrn)).isEmpty();
    }

    @Test
    void oneHl7MessageCanBePostedAsText() throws IOException {
        ResponseEntity<String> answer = post(Files.readString(Path.of("samples/hl7/a03-discharge-to-snf.hl7")),
                MediaType.TEXT_PLAIN, key(Role.INTEGRATION));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(answer.getBody()).at("/messages/0/changes/0/type").asText()).isEqualTo("TRANSPORT");
    }

    @Test
    void aLiaisonMayNotTryMessagesNorMayAnyoneWithoutCredentials() {
        Map<String, Object> body = Map.of("messages", List.of(Map.of("content", "MSH|^~\\&|X")));
        assertThat(post(body, MediaType.APPLICATION_JSON, key(Role.LIAISON)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(body, MediaType.APPLICATION_JSON, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRequestWithoutMessagesIsAProblemDetail() {
        ResponseEntity<String> answer = post(Map.of("messages", List.of()), MediaType.APPLICATION_JSON,
                key(Role.INTEGRATION));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(answer.getBody()).get("detail").asText()).contains("at least one message");
    }

    /** A sample about a patient of this test's own (the samples' MRN is other tests' too). */
    private static Map<String, String> file(String path, String mrn) throws IOException {
        return Map.of("name", Path.of(path).getFileName().toString(), "content", Files.readString(Path.of(path))
                .replace("900123^^^GENHOSP^MR", mrn + "^^^GENHOSP^MR"));
    }

    private ResponseEntity<String> post(Object body, MediaType type, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        if (key == null) {
            headers.add(NO_CREDENTIALS, "yes");
        } else {
            headers.setBearerAuth(key);
        }
        return http.postForEntity("/api/mappings/try", new HttpEntity<>(body, headers), String.class);
    }
}
