package org.liaisonhub.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.LiaisonHubApplication;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub instances on one PostgreSQL database and one Artemis broker, as a hospital runs them behind one MLLP
 * address: a duplicate sent to both at once is processed once (the database says so, not memory), both instances
 * consume the vendor queues and each item's requests still reach the vendor in order, and an instance killed in
 * the middle of a stream loses nothing and doubles nothing. Needs the shared services: it runs in the second pass
 * of .ci/run ({@code .ci/with-external-services mvn -B verify}).
 */
class TwoInstancesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String KEY = "two-instances-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private WireMockServer vendor;

    @BeforeEach
    void sharedServicesAndAVendor() {
        assumeTrue(TestServices.external(), "two instances need PostgreSQL and a standalone broker");
        vendor = new WireMockServer(options().dynamicPort());
        vendor.start();
        // slow enough that requests are in flight on both instances when one is killed
        vendor.stubFor(post(urlEqualTo("/interpreter")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(150).withHeader("Location", "/Task/accepted")));
    }

    @AfterEach
    void stopVendor() {
        if (vendor != null) {
            vendor.stop();
        }
    }

    @Test
    void duplicatesCompetingConsumersAndAKilledInstanceLoseNothingAndDoubleNothing() throws Exception {
        Path installation = work.resolve("installation");
        int mllpA = TestIds.freePort();
        int httpA = TestIds.freePort();
        int mllpB = TestIds.freePort();
        String[] settings = {
            "--hub.security.api-keys.ci.key=" + KEY, "--hub.security.api-keys.ci.roles=ADMIN",
            "--hub.vendors.interpreter.url=" + vendor.baseUrl() + "/interpreter",
            "--hub.vendors.interpreter.retry.initial-backoff=50ms", "--hub.dispatch.relay-interval=200ms"};
        try (HubJvm a = HubJvm.start(work.resolve("a.log"),
                HubProcess.arguments(work.resolve("a"), installation, mllpA, httpA, settings), httpA, PATIENCE);
             ConfigurableApplicationContext b = new SpringApplicationBuilder(LiaisonHubApplication.class).run(
                     HubProcess.arguments(work.resolve("b"), installation, mllpB, 0, settings)
                             .toArray(String[]::new))) {
            JdbcTemplate db = b.getBean(JdbcTemplate.class);
            int httpB = Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));

            // 1. every admission sent to both instances at the same moment
            List<Fixtures> stormed = fresh(20);
            CompletableFuture<List<String>> toA = CompletableFuture.supplyAsync(() -> send(mllpA, admissions(stormed)));
            CompletableFuture<List<String>> toB = CompletableFuture.supplyAsync(() -> send(mllpB, admissions(stormed)));
            assertThat(toA.get()).containsOnly("AA").hasSize(20);
            assertThat(toB.get()).containsOnly("AA").hasSize(20);
            for (Fixtures patient : stormed) {
                assertThat(db.queryForList("select status from inbound_message where control_id = ?", String.class,
                        patient.get("CONTROL_ID"))).containsExactlyInAnyOrder("PROCESSED", "DUPLICATE");
            }
            await().atMost(PATIENCE).until(() -> statuses(db, stormed), s -> s.equals(List.of("SENT")));

            // 2. each visit cancelled through either instance: the vendor sees each item's request, then its cancel
            List<String> cancelled = new ArrayList<>();
            for (int i = 0; i < stormed.size(); i++) {
                Fixtures patient = stormed.get(i).with("CONTROL_ID", TestIds.controlId());
                cancelled.addAll(send(i % 2 == 0 ? mllpA : mllpB, List.of(patient.hl7("a11-cancel-admit"))));
            }
            assertThat(cancelled).containsOnly("AA");
            await().atMost(PATIENCE).untilAsserted(() -> stormed.forEach(patient ->
                    assertThat(events(patient)).containsExactly("interpreter-request", "interpreter-cancel")));
            assertThat(deliveries(httpA)).as("instance A consumed vendor requests").isPositive();
            assertThat(deliveries(httpB)).as("instance B consumed vendor requests").isPositive();

            // 3. a stream to A, killed half-way; what A did not acknowledge the EHR sends to B
            List<Fixtures> streamed = fresh(30);
            List<String> unacknowledged = new CopyOnWriteArrayList<>();
            CountDownLatch halfway = new CountDownLatch(10);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllpA).timeout(5)) {
                    for (String message : admissions(streamed)) {
                        try {
                            assertThat(ehr.send(message).code()).isEqualTo("AA");
                            halfway.countDown();
                        } catch (IllegalStateException noAck) {
                            unacknowledged.add(message);
                        }
                    }
                } catch (IllegalStateException closing) {
                    // the connection of a killed hub may fail to close
                }
            });
            halfway.await();
            a.kill();
            stream.get();
            assertThat(unacknowledged).as("A was killed before the end of the stream").isNotEmpty();
            assertThat(send(mllpB, unacknowledged)).containsOnly("AA");

            await().atMost(PATIENCE).until(() -> statuses(db, streamed), s -> s.equals(List.of("SENT")));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(db.queryForList(
                    "select distinct status from outbox", String.class)).containsOnly("DELIVERED"));
            for (Fixtures patient : streamed) {
                assertThat(db.queryForList("select status from inbound_message where control_id = ?", String.class,
                        patient.get("CONTROL_ID"))).as("processed once").containsOnlyOnce("PROCESSED");
                assertThat(events(patient)).as("sent, maybe twice under one key, never as two requests")
                        .containsOnly("interpreter-request");
                assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                        .withRequestBody(containing(patient.get("MRN"))))
                        .stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(1);
            }
            assertThat(db.queryForObject("select count(*) from work_item", Integer.class)).isEqualTo(50);
            assertThat(db.queryForObject("select count(*) from outbox", Integer.class)).isEqualTo(20 * 2 + 30);
        }
    }

    private static List<Fixtures> fresh(int count) {
        return IntStream.range(0, count).mapToObj(i -> Fixtures.fresh().with("VERSION", "2.5.1")).toList();
    }

    private static List<String> admissions(List<Fixtures> patients) {
        return patients.stream().map(p -> p.hl7("a01-admit-interpreter")).toList();
    }

    /** Sends over one connection, in order; the acknowledgement codes. */
    private static List<String> send(int port, List<String> messages) {
        List<String> codes = new ArrayList<>();
        try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
            messages.forEach(m -> codes.add(ehr.send(m).code()));
        }
        return codes;
    }

    /** The distinct statuses of these patients' work items; one item each is checked by the counts at the end. */
    private static List<String> statuses(JdbcTemplate db, List<Fixtures> patients) {
        List<String> statuses = new ArrayList<>();
        for (Fixtures patient : patients) {
            statuses.addAll(db.queryForList("select status from work_item where mrn = ?", String.class,
                    patient.get("MRN")));
        }
        return statuses.stream().distinct().toList();
    }

    /** What the vendor received about the patient, in the order it received it. */
    private List<String> events(Fixtures patient) {
        return vendor.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                        .withRequestBody(containing(patient.get("MRN")))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> read(r.getBodyAsString()).at("/entry/0/resource/eventCoding/code").asText())
                .distinct().toList();
    }

    private static double deliveries(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> metric = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + httpPort + "/actuator/metrics/liaison.vendor.deliveries?tag=vendor:interpreter"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        return metric.statusCode() == 404 ? 0 : read(metric.body()).at("/measurements/0/value").asDouble();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
