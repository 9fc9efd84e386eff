package org.liaisonhub.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.ConsoleBrowser.PATIENCE;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.VendorIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer finds what a vendor refused and sends it again from the console, in a real browser. */
class DeadLetterBrowserTest extends VendorIntegrationTest {

    /** The dashboard refreshes every 10 s from counts at most 15 s old. */
    private static final Duration DASHBOARD_REFRESH = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void anEngineerReplaysARefusedRequestOnceTheVendorTakesItAgain() {
        Refused refused = refusedInterpreterRequest();
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/dead-letters");

        console.waitFor(By.cssSelector("#dead-letters tr[data-work-item='" + refused.item() + "'] a")).click();
        assertThat(console.waitFor(By.id("reason")).getText()).contains("Rejected by the vendor");
        assertThat(console.driver().findElement(By.id("request")).getText()).contains("\"resourceType\" : \"Bundle\"")
                .contains(refused.mrn());
        VENDOR.removeStub(refused.stub());
        console.driver().findElement(By.id("replay")).click();

        await().atMost(PATIENCE).until(() -> status(refused.item()), "SENT"::equals);
        assertThat(VENDOR.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                .withRequestBody(containing(refused.mrn())))).as("refused once, then taken").hasSize(2);
        assertThat(console.waitFor(By.id("replayed")).getText()).isNotEqualTo("not yet");
        console.open("/console/dead-letters");
        assertThat(console.driver().findElements(By.cssSelector("#dead-letters tr[data-work-item='"
                + refused.item() + "']"))).as("no longer waiting for a replay").isEmpty();
    }

    @Test
    void anEngineerReplaysASelectionOfDeadLettersAtOnce() {
        Refused first = refusedInterpreterRequest();
        Refused second = refusedInterpreterRequest();
        VENDOR.removeStub(first.stub());
        VENDOR.removeStub(second.stub());
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/dead-letters?vendor=interpreter");

        for (Refused refused : List.of(first, second)) {
            console.waitFor(By.cssSelector("#dead-letters tr[data-work-item='" + refused.item()
                    + "'] input[type=checkbox]")).click();
        }
        console.driver().findElement(By.id("replay-selection")).click();

        assertThat(console.waitFor(By.cssSelector("p.notice")).getText()).startsWith("2 dead letter(s) replayed");
        await().atMost(PATIENCE).until(() -> status(first.item()).equals("SENT") && status(second.item())
                .equals("SENT"));
    }

    @Test
    void theDeadLetterShowsEveryAttemptWithTheVendorsAnswerAndTheDashboardCountsThem() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        String scenario = "busy-then-refused-" + patient.get("MRN");
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refusing")
                .withRequestBody(containing(patient.get("MRN")))
                .willReturn(aResponse().withStatus(503).withBody("agency busy, try later")));
        VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("refusing").withRequestBody(containing(patient.get("MRN")))
                .willReturn(aResponse().withStatus(422).withBody("no interpreter for this language")));
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        long item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        await().atMost(PATIENCE).until(() -> status(item), "FAILED"::equals);
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/dead-letters");

        console.waitFor(By.cssSelector("#dead-letters tr[data-work-item='" + item + "'] a")).click();

        assertThat(console.texts(By.cssSelector("#attempts td.http-status"))).containsExactly("503", "422");
        assertThat(console.texts(By.cssSelector("#attempts td.answer")))
                .satisfiesExactly(first -> assertThat(first).contains("agency busy, try later"),
                        second -> assertThat(second).contains("no interpreter for this language"));

        console.open("/console/dashboard");
        for (String outcome : List.of("FAILED", "REJECTED", "DEAD_LETTERED")) {
            By lastHour = By.cssSelector("#vendors tr.hour[data-vendor='interpreter'] td[data-outcome='"
                    + outcome + "']");
            await(outcome + " in the last hour").atMost(DASHBOARD_REFRESH).ignoreExceptions()
                    .until(() -> Long.parseLong(console.driver().findElement(lastHour).getText()) >= 1);
        }
    }

    /** A patient's interpreter request, refused by the agency with a 400, and so dead-lettered at once. */
    private Refused refusedInterpreterRequest() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        StubMapping stub = VENDOR.stubFor(post(urlEqualTo("/interpreter")).atPriority(1)
                .withRequestBody(containing(patient.get("MRN"))).willReturn(aResponse().withStatus(400)));
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        long item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        await().atMost(PATIENCE).until(() -> status(item), "FAILED"::equals);
        return new Refused(patient.get("MRN"), item, stub);
    }

    private String status(long item) {
        return getJson("/api/work-items/" + item).get("status").asText();
    }

    private record Refused(String mrn, long item, StubMapping stub) {
    }
}
