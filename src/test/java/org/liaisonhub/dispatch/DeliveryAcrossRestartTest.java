package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.context.ConfigurableApplicationContext;

/** A hub that stops after the vendor took a request but before it recorded that sends the same request again. */
class DeliveryAcrossRestartTest {

    private final WireMockServer vendor = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dataDir;

    @BeforeEach
    void startVendor() {
        vendor.start();
        // the first answer is slow: the hub is stopped while it is on its way
        vendor.stubFor(post(urlEqualTo("/interpreter")).inScenario("slow first answer").whenScenarioStateIs(STARTED)
                .willSetStateTo("answered").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        vendor.stubFor(post(urlEqualTo("/interpreter")).inScenario("slow first answer").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withHeader("Location", "/Task/second-answer")));
    }

    @AfterEach
    void stopVendor() {
        vendor.stop();
    }

    @Test
    void aRequestWhoseDeliveryWasNotCommittedIsSentAgainWithTheSameKeyAfterARestart() {
        int port = TestIds.freePort();
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (ConfigurableApplicationContext hub = start(port)) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
                assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !requests().isEmpty());
        }

        try (ConfigurableApplicationContext hub = start(port)) {
            WorkItemRepository items = hub.getBean(WorkItemRepository.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items
                    .search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null), FacilityScope.ALL, 0, 1)
                    .items())
                    .singleElement().satisfies(item -> {
                        assertThat(item.status()).isEqualTo(WorkItemStatus.SENT);
                        assertThat(item.vendorReference()).isEqualTo("/Task/second-answer");
                    }));
        }
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key"))
                .isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
    }

    @Test
    void failedAttemptsCountAcrossARestartSoTheAttemptLimitHoldsForTheRequestNotForEachRun() {
        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo("/interpreter")).willReturn(aResponse().withStatus(503)));
        int port = TestIds.freePort();
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        // two attempts, then a pause of 5 s, scheduled in the outbox: the hub is stopped during it
        String[] retry = {"--hub.vendors.interpreter.retry.max-attempts=3",
            "--hub.vendors.interpreter.retry.initial-backoff=200ms",
            "--hub.vendors.interpreter.retry.multiplier=25", "--hub.vendors.interpreter.retry.max-backoff=60s"};
        try (ConfigurableApplicationContext hub = start(port, retry)) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
                assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> requests().size() == 2);
        }

        try (ConfigurableApplicationContext hub = start(port, retry)) {
            DeadLetters deadLetters = hub.getBean(DeadLetters.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    deadLetters.search("interpreter", null, false, 0, 1).items()).singleElement()
                    .satisfies(dead -> {
                        assertThat(dead.attempts()).isEqualTo(3);
                        assertThat(dead.reason()).startsWith("Gave up after 3 attempts");
                    }));
        }
        assertThat(requests()).hasSize(3);
    }

    private ConfigurableApplicationContext start(int port, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.vendors.interpreter.url=" + vendor.baseUrl() + "/interpreter",
                "--hub.vendors.interpreter.timeout=10s",
                "--camel.main.shutdown-timeout=1"));
        arguments.addAll(List.of(settings));
        return HubProcess.start(dataDir, port, arguments.toArray(String[]::new));
    }

    private List<LoggedRequest> requests() {
        return vendor.findAll(postRequestedFor(urlEqualTo("/interpreter")));
    }
}
