package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer pastes an admission and its discharge into the console and sees the work they would open. */
class TryMessageBrowserTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void anEngineerTriesAnAdmissionAndItsDischargeAndSeesWhyTheHomeCareRuleDidNotApply() throws IOException {
        String mrn = TestIds.mrn();
        String messages = (Files.readString(Path.of("samples/hl7/a01-admit-spanish-speaker.hl7"))
                + Files.readString(Path.of("samples/hl7/a03-discharge-to-snf.hl7")))
                .replace("900123^^^GENHOSP^MR", mrn + "^^^GENHOSP^MR");
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/mappings");
        console.waitFor(By.id("try-a-message")).click();

        console.waitFor(By.id("content")).sendKeys(messages);
        console.driver().findElement(By.id("explain")).click();
        console.driver().findElement(By.id("run")).click();

        WebElement admission = console.waitFor(By.cssSelector("section.tried[data-message='1']"));
        assertThat(admission.findElement(By.cssSelector("h2")).getText()).contains("ADT^A01", "AA", "PROCESSED");
        assertThat(admission.findElements(By.cssSelector("table.changes tbody tr")))
                .extracting(row -> row.getAttribute("data-type"))
                .containsExactly("INTERPRETER", "INSURANCE_VERIFICATION");
        WebElement discharge = console.driver().findElement(By.cssSelector("section.tried[data-message='2']"));
        assertThat(discharge.findElement(By.cssSelector("table.changes tbody tr")).getText())
                .contains("opened", "#3", "TRANSPORT", mrn, "SUNRISE SNF");
        assertThat(discharge.findElement(By.cssSelector("ul.verdicts")).getText())
                .contains("adt-liaison/discharge-home-care: line ", "does not hold (read '03')");
        assertThat(workItemsOf(mrn)).as("nothing was stored").isEmpty();
    }
}
