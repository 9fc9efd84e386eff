package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer keeps the dashboard open and watches the feed arrive, in a real browser. */
class DashboardBrowserTest extends HubIntegrationTest {

    /** The dashboard refreshes every 10 s from counts at most 15 s old. */
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final By PROCESSED_LAST_HOUR = By.cssSelector(
            "#inbound tr.hour[data-channel='MLLP listener'] td[data-outcome='PROCESSED']");

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void anOpenDashboardShowsHealthAndCountsANewAdmissionWithoutAReload() {
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/dashboard");
        console.script("window.notReloaded = true;");
        assertThat(console.texts(By.cssSelector("#health li[data-component] .status")))
                .containsExactly("UP", "UP", "UP");
        assertThat(console.driver().findElement(By.id("mllp-connections")).getText()).matches("\\d+");
        assertThat(console.texts(By.cssSelector("#vendors th[scope=row]")))
                .containsExactly("insurance", "interpreter", "transport");
        long before = Long.parseLong(console.waitFor(PROCESSED_LAST_HOUR).getText());

        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }

        await().atMost(REFRESH).ignoreExceptions().until(
                () -> Long.parseLong(console.driver().findElement(PROCESSED_LAST_HOUR).getText()) > before);
        assertThat(console.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(console.driver().getPageSource()).doesNotContain(patient.get("MRN"));
    }
}
