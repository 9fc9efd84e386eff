package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Vendors that fail: one request the vendor never takes, a vendor that is down and comes back, a vendor that asks
 * the hub to slow down. Each delays only its own requests; none of them holds a consumer while it waits.
 */
class VendorOutageTest extends HubTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final WireMockServer INTERPRETERS = new WireMockServer(options().dynamicPort());
    /** The insurance clearinghouse: not listening at all while it is "down" (connection refused). */
    private static final int CLEARINGHOUSE_PORT = TestIds.freePort();
    private static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-vendor-outage");

    static {
        INTERPRETERS.start();
        Runtime.getRuntime().addShutdownHook(new Thread(INTERPRETERS::stop));
    }

    private WireMockServer clearinghouse;

    @Autowired
    MeterRegistry metrics;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        hubAt(registry, DATA_DIR, MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.dispatch.relay-interval", () -> "100ms");
        // six attempts about 0.3, 0.6, 1.2, 2.4 and 4.8 s apart
        registry.add("hub.vendors.interpreter.url", () -> INTERPRETERS.baseUrl() + "/interpreter");
        registry.add("hub.vendors.interpreter.retry.max-attempts", () -> 6);
        registry.add("hub.vendors.interpreter.retry.initial-backoff", () -> "300ms");
        registry.add("hub.vendors.interpreter.circuit.probe-interval", () -> "300ms");
        registry.add("hub.vendors.interpreter.timeout", () -> "5s");
        registry.add("hub.vendors.insurance.url", () -> "http://127.0.0.1:" + CLEARINGHOUSE_PORT + "/insurance");
        registry.add("hub.vendors.insurance.retry.max-attempts", () -> 1000);
        registry.add("hub.vendors.insurance.retry.initial-backoff", () -> "100ms");
        registry.add("hub.vendors.insurance.retry.max-backoff", () -> "300ms");
        registry.add("hub.vendors.insurance.circuit.failures", () -> 3);
        registry.add("hub.vendors.insurance.circuit.probe-interval", () -> "500ms");
        registry.add("hub.vendors.insurance.timeout", () -> "2s");
        registry.add("hub.vendors.insurance.max-requests-per-second", () -> 2);
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @BeforeEach
    void interpretersAccept() {
        INTERPRETERS.resetAll();
        INTERPRETERS.stubFor(post(urlEqualTo("/interpreter")).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Location", INTERPRETERS.baseUrl() + "/Task/booked")));
    }

    @AfterEach
    void stopClearinghouse() {
        if (clearinghouse != null) {
            clearinghouse.stop();
        }
    }

    @Test
    void requestsTheVendorNeverTakesDelayNobodyElsesAndEndAsDeadLetters() {
        // as many refused requests as the vendor has consumers: a consumer that waited for a retry would stall all
        List<Fixtures> refused = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
            INTERPRETERS.stubFor(post(urlEqualTo("/interpreter")).atPriority(1)
                    .withRequestBody(containing(patient.get("MRN"))).willReturn(aResponse().withStatus(503)));
            refused.add(admit(patient, "a01-admit-interpreter"));
        }
        List<Fixtures> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(admit(Fixtures.fresh().with("VERSION", "2.5.1"), "a01-admit-interpreter"));
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(others)
                .allSatisfy(patient -> assertThat(interpreter(patient).get("status").asText()).isEqualTo("SENT")));
        assertThat(refused).allSatisfy(patient -> assertThat(getJson("/api/dead-letters?workItemId="
                + interpreter(patient).get("id").asLong()).get("items")).as("still being retried").isEmpty());

        for (Fixtures patient : refused) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(interpreter(patient).get("status").asText())
                    .isEqualTo("FAILED"));
            assertThat(deadLetterOf(interpreter(patient).get("id").asLong()).get("reason").asText())
                    .startsWith("Gave up after 6 attempts").contains("HTTP 503");
            assertThat(INTERPRETERS.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                    .withRequestBody(containing(patient.get("MRN"))))).hasSize(6);
        }
    }

    @Test
    void aVendorThatIsDownGetsEveryRequestOnceInOrderAtItsRateWhenItComesBackAndItsCircuitSaysSo() {
        List<Fixtures> patients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            patients.add(admit(Fixtures.fresh().with("VERSION", "2.5.1"), "a01-admit-spanish-two-insurances"));
        }
        await().atMost(PATIENCE).until(() -> circuit("insurance") == VendorGates.State.OPEN.ordinal());
        Fixtures moved = patients.get(0);
        // a change while the vendor is down: the request not yet sent is superseded, the newer one goes instead
        admit(moved.with("CONTROL_ID", TestIds.controlId()), "a01-admit-spanish-two-insurances",
                "4WEST^412", "5EAST^501");

        clearinghouse = new WireMockServer(options().port(CLEARINGHOUSE_PORT));
        clearinghouse.start();
        clearinghouse.stubFor(post(urlEqualTo("/insurance")).willReturn(aResponse().withStatus(202)));

        List<JsonNode> items = patients.stream().flatMap(patient -> insurance(patient).stream()).toList();
        assertThat(items).hasSize(6);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(patients.stream()
                .flatMap(patient -> insurance(patient).stream()).map(item -> item.get("status").asText()))
                .containsOnly("SENT"));
        List<LoggedRequest> received = clearinghouse.findAll(postRequestedFor(urlEqualTo("/insurance")));
        Map<String, Long> perKey = received.stream().collect(Collectors.groupingBy(
                request -> request.getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(perKey).as("one request per item, each once").hasSize(6)
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
        assertThat(perKey.keySet()).as("the moved patient's items got their newer request")
                .filteredOn(key -> key.endsWith("/2/request")).hasSize(2);
        assertThat(circuit("insurance")).isEqualTo(VendorGates.State.CLOSED.ordinal());
        List<Long> times = received.stream().map(request -> request.getLoggedDate().getTime()).sorted().toList();
        assertThat(times.get(5) - times.get(0)).as("the backlog drains at 2 requests a second, not at once")
                .isGreaterThanOrEqualTo(1_000);

        String histories = items.stream().map(item -> getJson("/api/work-items/" + item.get("id").asLong())
                .get("history").toString()).collect(Collectors.joining());
        assertThat(histories).contains("DISPATCH_WAITING").contains("OPEN: the vendor is not called")
                .contains("CLOSED: the vendor answered again");

        admit(moved.with("CONTROL_ID", TestIds.controlId()), "a01-admit-spanish-two-insurances",
                "4WEST^412", "6NORTH^9");
        await().atMost(PATIENCE).until(() -> clearinghouse.findAll(postRequestedFor(urlEqualTo("/insurance")))
                .size() == 8);
        List<String> keys = clearinghouse.findAll(postRequestedFor(urlEqualTo("/insurance"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        for (JsonNode item : insurance(moved)) {
            String prefix = "liaison-hub/work-item/" + item.get("id").asLong() + "/";
            assertThat(keys.stream().filter(key -> key.startsWith(prefix)).toList())
                    .as("item %s's requests, in their order", item.get("id"))
                    .containsExactly(prefix + "2/request", prefix + "3/request");
        }
    }

    @Test
    void a429WithRetryAfterPausesTheWholeVendorThenDeliveryResumes() {
        Fixtures throttled = Fixtures.fresh().with("VERSION", "2.5.1");
        INTERPRETERS.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).inScenario("slow down")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("paused")
                .withRequestBody(containing(throttled.get("MRN")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        admit(throttled, "a01-admit-interpreter");
        await().atMost(PATIENCE).until(() -> !INTERPRETERS.findAll(postRequestedFor(urlEqualTo("/interpreter")))
                .isEmpty());
        long askedToWait = INTERPRETERS.findAll(postRequestedFor(urlEqualTo("/interpreter"))).get(0).getLoggedDate()
                .getTime();

        List<Fixtures> others = List.of(admit(Fixtures.fresh().with("VERSION", "2.5.1"), "a01-admit-interpreter"),
                admit(Fixtures.fresh().with("VERSION", "2.5.1"), "a01-admit-interpreter"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(List.of(throttled, others.get(0), others.get(1)))
                .allSatisfy(patient -> assertThat(interpreter(patient).get("status").asText()).isEqualTo("SENT")));
        List<LoggedRequest> after = INTERPRETERS.findAll(postRequestedFor(urlEqualTo("/interpreter"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).skip(1).toList();
        assertThat(after).hasSize(3).allSatisfy(request -> assertThat(request.getLoggedDate().getTime() - askedToWait)
                .as("nothing goes to the vendor during the 3 s it asked for").isGreaterThanOrEqualTo(2_900));
    }

    private Fixtures admit(Fixtures patient, String fixture, String... replaceWith) {
        String message = patient.hl7(fixture);
        for (int i = 0; i + 1 < replaceWith.length; i += 2) {
            message = message.replace(replaceWith[i], replaceWith[i + 1]);
        }
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo("AA");
        }
        return patient;
    }

    private JsonNode interpreter(Fixtures patient) {
        return ofType(patient, "INTERPRETER").get(0);
    }

    private List<JsonNode> insurance(Fixtures patient) {
        return ofType(patient, "INSURANCE_VERIFICATION");
    }

    private List<JsonNode> ofType(Fixtures patient, String type) {
        return StreamSupport.stream(workItemsOf(patient.get("MRN")).spliterator(), false)
                .filter(item -> item.get("type").asText().equals(type)).toList();
    }

    private JsonNode deadLetterOf(long item) {
        return getJson("/api/dead-letters?workItemId=" + item).get("items").get(0);
    }

    private double circuit(String vendor) {
        return metrics.get("liaison.vendor.circuit").tag("vendor", vendor).gauge().value();
    }
}
