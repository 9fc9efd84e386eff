package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubJvm;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.context.ConfigurableApplicationContext;

/** A hub killed (SIGKILL) while requests wait for their next attempt still delivers each of them once. */
class RetryAcrossCrashTest {

    private final WireMockServer vendor = new WireMockServer(options().dynamicPort());

    @TempDir
    Path work;

    @BeforeEach
    void startVendor() {
        vendor.start();
    }

    @AfterEach
    void stopVendor() {
        vendor.stop();
    }

    @Test
    void requestsWaitingForTheirNextAttemptAreEachDeliveredOnceAfterAKill() {
        vendor.stubFor(post(urlEqualTo("/interpreter")).willReturn(aResponse().withStatus(503)));
        Path data = work.resolve("data");
        int mllp = TestIds.freePort();
        int http = TestIds.freePort();
        String[] settings = {"--hub.vendors.interpreter.url=" + vendor.baseUrl() + "/interpreter",
            "--hub.vendors.interpreter.retry.initial-backoff=3s", "--hub.vendors.interpreter.retry.multiplier=1"};
        List<Fixtures> patients = new ArrayList<>();
        try (HubJvm hub = HubJvm.start(work.resolve("hub.log"), HubProcess.arguments(data, data, mllp, http,
                settings), http, Duration.ofSeconds(90))) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp)) {
                for (int i = 0; i < 3; i++) {
                    Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                    assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
                    patients.add(patient);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedKeys().size() == 3);
            hub.kill();
        }
        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo("/interpreter")).willReturn(aResponse().withStatus(201)));

        try (ConfigurableApplicationContext hub = HubProcess.start(data, TestIds.freePort(), settings)) {
            WorkItemRepository items = hub.getBean(WorkItemRepository.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(patients).allSatisfy(patient ->
                    assertThat(items.search(new WorkItemSearch("INTERPRETER", null, patient.get("MRN"), null),
                            FacilityScope.ALL, 0, 1)
                            .items()).singleElement().extracting(item -> item.status())
                            .isEqualTo(WorkItemStatus.SENT)));
        }
        Map<String, Long> delivered = vendor.findAll(postRequestedFor(urlEqualTo("/interpreter"))).stream()
                .collect(Collectors.groupingBy(request -> request.getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(delivered).as("each request delivered once after the restart").hasSize(3)
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
    }

    private List<String> refusedKeys() {
        return vendor.findAll(postRequestedFor(urlEqualTo("/interpreter"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).distinct().toList();
    }
}
