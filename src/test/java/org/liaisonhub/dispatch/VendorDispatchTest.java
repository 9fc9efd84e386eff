package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirR4Validator;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.VendorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Work items reach their vendors as FHIR requests, through the broker, at least once and in order. */
class VendorDispatchTest extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void spanishSpeakerWithTwoInsurancesReachesTheVendorsAsThreeValidFhirRequests() {
        Fixtures patient = admit("a01-admit-spanish-two-insurances");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsOnly("SENT").hasSize(3));
        List<LoggedRequest> requests = new ArrayList<>(requests("interpreter", patient));
        requests.addAll(requests("insurance", patient));
        assertThat(requests).hasSize(3);
        long inboundId = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).at("/items/0/id").asLong();
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/fhir+json");
            assertThat(request.getHeader("X-Correlation-Id")).isEqualTo(String.valueOf(inboundId));
            assertThat(FhirR4Validator.errors(request.getBodyAsString())).as(request.getBodyAsString()).isEmpty();
        }
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(requests).extracting(VendorDispatchTest::event).containsExactlyInAnyOrder(
                "interpreter-request", "insurance-verification-request", "insurance-verification-request");
        assertThat(workItemsOf(patient.get("MRN"))).allSatisfy(item ->
                assertThat(item.get("vendorReference").asText()).endsWith("/Task/accepted-1"));
    }

    @Test
    void aVendorThatAnswers503ThreeTimesGetsTheSameRequestUntilItAcceptsIt() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        String scenario = "flaky-" + patient.get("MRN");
        String[] states = {STARTED, "second", "third", "fourth"};
        for (int i = 0; i < 3; i++) {
            VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).withRequestBody(containing(patient.get("MRN")))
                    .inScenario(scenario).whenScenarioStateIs(states[i]).willSetStateTo(states[i + 1])
                    .willReturn(aResponse().withStatus(503)));
        }
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).withRequestBody(containing(patient.get("MRN")))
                .inScenario(scenario).whenScenarioStateIs("fourth")
                .willReturn(aResponse().withStatus(200).withHeader("Location", "/Task/after-three-tries")));
        admit(patient, "a01-admit-interpreter");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));
        List<LoggedRequest> attempts = requests("interpreter", patient);
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
                attempts.get(0).getHeader("Idempotency-Key"));
        assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.get(0).getBodyAsString());
        assertThat(workItemsOf(patient.get("MRN")).get(0).get("vendorReference").asText())
                .isEqualTo("/Task/after-three-tries");
    }

    @Test
    void aRejectedRequestFailsTheItemAndIsDeadLetteredUntilReplayedOnceTheVendorIsFixed() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        StubMapping rejecting = VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1)
                .withRequestBody(containing(patient.get("MRN")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/fhir+json")
                        .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                                + "\"code\":\"required\",\"diagnostics\":\"Patient.birthDate required\"}]}")));
        admit(patient, "a01-admit-interpreter");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("FAILED"));
        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        JsonNode deadLetter = getJson("/api/dead-letters?replayed=false&workItemId=" + itemId).at("/items/0");
        assertThat(deadLetter.get("httpStatus").asInt()).isEqualTo(400);
        assertThat(deadLetter.get("reason").asText()).contains("Rejected by the vendor").contains("birthDate");
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(1);
        JsonNode history = getJson("/api/work-items/" + itemId).get("history");
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("DISPATCH_FAILED");

        VENDOR.removeStub(rejecting);
        assertThat(httpPost("/api/dead-letters/" + deadLetter.get("id").asLong() + "/replay").getStatusCode().value())
                .isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));
        List<LoggedRequest> sent = requests("interpreter", patient);
        assertThat(sent).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(deadLetter.get("idempotencyKey").asText());
        assertThat(httpPost("/api/dead-letters/" + deadLetter.get("id").asLong() + "/replay").getStatusCode().value())
                .as("a dead letter is replayed once").isEqualTo(409);
    }

    @Test
    void aFailedItemCanBeRedispatchedUnderANewKey() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        StubMapping rejecting = VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1)
                .withRequestBody(containing(patient.get("MRN"))).willReturn(aResponse().withStatus(422)));
        admit(patient, "a01-admit-interpreter");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("FAILED"));

        VENDOR.removeStub(rejecting);
        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        assertThat(httpPost("/api/work-items/" + itemId + "/redispatch").getStatusCode().value()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));
        assertThat(requests("interpreter", patient)).extracting(r -> r.getHeader("Idempotency-Key"))
                .doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aVendorThatIsDownLosesNothingEveryRequestArrivesWhenItRecovers() {
        StubMapping down = VENDOR.stubFor(post(urlEqualTo("/transport")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        List<Fixtures> patients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Fixtures patient = Fixtures.fresh().with("DISPOSITION", "03").with("DESTINATION", "SUNRISE SNF");
            patients.add(patient);
            admit(patient, "a03-discharge");
        }
        // attempts fail while it is down, until its circuit opens; the requests wait in the outbox
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(VENDOR.findAll(postRequestedFor(
                urlEqualTo("/transport")))).as("attempts while down").hasSizeGreaterThanOrEqualTo(6));

        VENDOR.removeStub(down);

        await().atMost(PATIENCE).untilAsserted(() -> patients.forEach(p ->
                assertThat(statuses(p)).containsExactly("SENT")));
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where vendor = 'transport'", Integer.class))
                .isZero();
    }

    @Test
    void aRequestTheVendorNeverTakesIsDeadLetteredAfterTheLastAttempt() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).withRequestBody(containing(patient.get("MRN")))
                .willReturn(aResponse().withStatus(503)));
        admit(patient, "a01-admit-interpreter");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("FAILED"));
        assertThat(requests("interpreter", patient)).hasSize(MAX_ATTEMPTS);
        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        assertThat(getJson("/api/dead-letters?workItemId=" + itemId).at("/items/0/reason").asText())
                .startsWith("Gave up after " + MAX_ATTEMPTS + " attempts");
    }

    @Test
    void aCancelledAdmissionSendsCancellationsThatArriveAfterTheirRequests() {
        Fixtures patient = admit("a01-admit-spanish-two-insurances");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsOnly("SENT").hasSize(3));

        admit(patient.with("CONTROL_ID", TestIds.controlId()), "a11-cancel-admit");

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoggedRequest> all = new ArrayList<>(requests("interpreter", patient));
            all.addAll(requests("insurance", patient));
            assertThat(all.stream().filter(r -> event(r).endsWith("-cancel"))).hasSize(3);
        });
        assertThat(statuses(patient)).containsOnly("CANCELLED");
        for (String vendor : new String[] {"interpreter", "insurance"}) {
            Map<String, List<LoggedRequest>> byItem = requests(vendor, patient).stream()
                    .collect(Collectors.groupingBy(VendorDispatchTest::workItemId));
            byItem.values().forEach(sequence -> {
                sequence.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
                assertThat(sequence).extracting(VendorDispatchTest::event).as("what the vendor saw, in order")
                        .containsExactly(event(sequence.get(0)), event(sequence.get(0)).replace("-request", "-cancel"));
                assertThat(event(sequence.get(0))).endsWith("-request");
            });
        }
    }

    @Test
    void aLiaisonCancellingASentItemSendsTheCancellationToTheVendor() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        admit(patient, "a01-admit-interpreter");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));
        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();

        assertThat(patch("/api/work-items/" + itemId, "{\"status\": \"CANCELLED\", \"note\": \"family declined\"}")
                .getStatusCode().value()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(requests("interpreter", patient))
                .extracting(VendorDispatchTest::event).containsExactly("interpreter-request", "interpreter-cancel"));
    }

    @Test
    void anItemCancelledBeforeItWasSentIsNeverSentNorCancelledAtTheVendor() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).withRequestBody(containing(patient.get("MRN")))
                .willReturn(aResponse().withStatus(503)));
        admit(patient, "a01-admit-interpreter");
        await().atMost(PATIENCE).until(() -> !requests("interpreter", patient).isEmpty());

        admit(patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "ENGLISH"), "a08-update-language");

        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select status from outbox where work_item_id = ?", String.class, itemId)).containsOnly("SKIPPED"));
        assertThat(statuses(patient)).containsExactly("CANCELLED");
        assertThat(requests("interpreter", patient)).extracting(VendorDispatchTest::event)
                .containsOnly("interpreter-request");
    }

    @Test
    void vendorCallbacksMoveTheItemWhenSignedAndAreRefusedOtherwise() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        admit(patient, "a01-admit-interpreter");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));
        long itemId = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();

        VendorCallbacks callbacks = new VendorCallbacks(http);
        String accepted = VendorCallbacks.task(itemId, "accepted");
        assertThat(callbacks.send("interpreter", accepted, "wrong-secret").getStatusCode().value()).isEqualTo(401);
        assertThat(callbacks.send("interpreter", accepted, null).getStatusCode().value()).isEqualTo(401);
        assertThat(statuses(patient)).containsExactly("SENT");

        assertThat(callbacks.send("interpreter", accepted, secret("interpreter")).getStatusCode().value()).isEqualTo(200);
        assertThat(statuses(patient)).containsExactly("ACCEPTED");
        assertThat(callbacks.send("interpreter", VendorCallbacks.task(itemId, "completed"), secret("interpreter"))
                .getBody()).contains("COMPLETED");
        assertThat(statuses(patient)).containsExactly("COMPLETED");
        assertThat(callbacks.send("transport", accepted, secret("transport")).getStatusCode().value())
                .as("an item the vendor was never given").isEqualTo(404);
    }

    @Test
    void dispatchIsMeasuredPerVendorAndHealthCoversBrokerDatabaseAndListener() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        admit(patient, "a01-admit-interpreter");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(patient)).containsExactly("SENT"));

        JsonNode sent = getJson("/actuator/metrics/liaison.vendor.deliveries?tag=vendor:interpreter&tag=outcome:sent");
        assertThat(sent.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(getJson("/actuator/metrics/liaison.vendor.request.duration?tag=vendor:interpreter")
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(
                "/actuator/metrics/liaison.vendor.queue.depth?tag=vendor:interpreter").at("/measurements/0/value")
                .asDouble()).isGreaterThanOrEqualTo(0));
        JsonNode health = getJson("/actuator/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String component : Set.of("db", "jms", "mllpListener")) {
            assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
        }
    }

    private Fixtures admit(String fixture) {
        Fixtures patient = Fixtures.fresh();
        admit(patient, fixture);
        return patient;
    }

    private void admit(Fixtures patient, String fixture) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7(fixture)).code()).isEqualTo("AA");
        }
    }

    private List<String> statuses(Fixtures patient) {
        List<String> statuses = new ArrayList<>();
        workItemsOf(patient.get("MRN")).forEach(item -> statuses.add(item.get("status").asText()));
        return statuses;
    }

    private static List<LoggedRequest> requests(String vendor, Fixtures patient) {
        return new ArrayList<>(VENDOR.findAll(postRequestedFor(urlEqualTo("/" + vendor))
                .withRequestBody(containing(patient.get("MRN")))));
    }

    private static String event(LoggedRequest request) {
        JsonNode bundle = FhirJson.read(request.getBodyAsString());
        return bundle.at("/entry/0/resource/eventCoding/code").asText();
    }

    private static String workItemId(LoggedRequest request) {
        JsonNode bundle = FhirJson.read(request.getBodyAsString());
        for (JsonNode entry : bundle.get("entry")) {
            if (entry.at("/resource/resourceType").asText().equals("Task")) {
                return entry.at("/resource/identifier/0/value").asText();
            }
        }
        throw new AssertionError("no Task in " + request.getBodyAsString());
    }
}
