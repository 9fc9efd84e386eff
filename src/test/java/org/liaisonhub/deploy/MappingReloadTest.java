package org.liaisonhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.DirectoryCopy;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deploying mapping rules into a running hub: a valid change takes effect for the next message, a change that is
 * invalid or fails its test cases is refused while the old rules keep working, and every message, even one sent
 * during a swap, is handled by exactly one version, which it records.
 */
class MappingReloadTest extends HubTestBase {

    private static final Path WORK = tempDir("liaison-hub-reload");
    private static final Path MAPPINGS = DirectoryCopy.of(Path.of("mappings"), WORK.resolve("mappings"));
    private static final Path ADT = MAPPINGS.resolve("adt-liaison.yaml");
    private static final String ORIGINAL = read(ADT);
    private static final int MLLP_PORT = TestIds.freePort();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        hubAt(registry, WORK.resolve("data"), MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.mappings.dir", MAPPINGS::toString);
        registry.add("hub.mappings.reload-check", () -> "300ms");
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @Autowired
    RuleBook rules;

    @AfterEach
    void restoreTheShippedRules() throws IOException {
        Files.writeString(ADT, ORIGINAL);
        assertThat(reload().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aValidChangeIsPickedUpAndTakesEffectForTheNextMessageWithoutARestart() throws IOException {
        String before = rules.current().version();
        Files.writeString(ADT, marked("v2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !rules.current().version().equals(before));

        Handled handled = send();
        assertThat(handled.marker()).isEqualTo("v2");
        assertThat(handled.version()).isEqualTo(rules.current().version()).isNotEqualTo(before);
    }

    @Test
    void anInvalidChangeIsRefusedWithItsProblemAndTheOldRulesKeepWorking() throws IOException {
        String before = rules.current().version();
        Files.writeString(ADT, ORIGINAL.replaceFirst("(?m)^    when:", "    whenn:"));

        ResponseEntity<String> answer = reload();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = read(answer.getBody());
        assertThat(problem.get("running").asText()).isEqualTo(before);
        assertThat(problem.get("problems").get(0).asText()).matches(ADT + ":\\d+:5: unknown key 'whenn'.*");
        Handled handled = send();
        assertThat(handled.version()).isEqualTo(before);
        assertThat(handled.marker()).isNull();
        assertThat(getJson("/actuator/metrics/liaison.mappings.refused").at("/measurements/0/value").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aChangeThatFailsItsTestCasesIsRefusedWithTheDiff() throws IOException {
        String before = rules.current().version();
        Files.writeString(ADT, ORIGINAL.replace("reason: Admission cancelled (A11)", "reason: Visit cancelled"));

        ResponseEntity<String> answer = reload();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(read(answer.getBody()).get("problems").get(0).asText())
                .contains("tests/adt-liaison.yaml:", "- cancelled INTERPRETER reason=Admission cancelled (A11)",
                        "+ cancelled INTERPRETER reason=Visit cancelled");
        assertThat(rules.current().version()).isEqualTo(before);
    }

    @Test
    void messagesSentWhileTheRulesAreSwappedAreEachHandledByExactlyOneVersion() throws Exception {
        Map<String, String> markerOfVersion = new HashMap<>();
        List<Future<List<Handled>>> senders = new ArrayList<>();
        ExecutorService feeds = Executors.newFixedThreadPool(3);
        try {
            for (int feed = 0; feed < 3; feed++) {
                senders.add(feeds.submit(() -> Stream.generate(this::send).limit(12).toList()));
            }
            for (int swap = 0; swap < 6; swap++) {
                String marker = swap % 2 == 0 ? "A" : "B";
                Files.writeString(ADT, marked(marker));
                ResponseEntity<String> answer = reload();
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
                markerOfVersion.put(read(answer.getBody()).get("version").asText(), marker);
            }
            markerOfVersion.put(versionOf(ORIGINAL), null);
            for (Future<List<Handled>> sender : senders) {
                for (Handled handled : sender.get()) {
                    assertThat(markerOfVersion).as("a version the hub ran").containsKey(handled.version());
                    assertThat(handled.marker()).as("the marker of version " + handled.version())
                            .isEqualTo(markerOfVersion.get(handled.version()));
                }
            }
        } finally {
            feeds.shutdownNow();
        }
    }

    @Test
    void onlyAnIntegrationEngineerMayReload() {
        assertThat(reload(key(Role.LIAISON)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reload(key(Role.INTEGRATION)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** What handled one admission: the version the message records, and the marker its interpreter item carries. */
    private record Handled(String version, String marker) {
    }

    private Handled send() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        JsonNode item = workItemsOf(patient.get("MRN")).get(0);
        JsonNode message = getJson("/api/messages?mrn=" + patient.get("MRN")).get("items").get(0);
        JsonNode marker = item.at("/details/ruleMarker");
        return new Handled(message.get("ruleSetVersion").asText(), marker.isMissingNode() ? null : marker.asText());
    }

    /** The shipped ADT rules with a marker on every interpreter item. */
    private static String marked(String marker) {
        return ORIGINAL.replace("""
                      details:
                        language: $language
                """, """
                      details:
                        ruleMarker: { literal: %s }
                        language: $language
                """.formatted(marker));
    }

    private String versionOf(String adt) throws IOException {
        Files.writeString(ADT, adt);
        return rules.versionOnDisk();
    }

    private ResponseEntity<String> reload() {
        return reload(key(Role.INTEGRATION));
    }

    private ResponseEntity<String> reload(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return http.postForEntity("/api/mappings/reload", new HttpEntity<>(null, headers), String.class);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
