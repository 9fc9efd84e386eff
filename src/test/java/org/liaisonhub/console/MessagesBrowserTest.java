package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer finds messages in the console, reads one field by field and processes it again. */
class MessagesBrowserTest extends HubIntegrationTest {

    @Autowired
    RuleBook rules;

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void anEngineerFindsAnAdmissionByControlIdReadsPid15AndProcessesItAgainWithoutDoublingWork() {
        Fixtures patient = admit();
        int itemsBefore = workItemsOf(patient.get("MRN")).size();
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/messages");

        console.driver().findElement(By.name("controlId")).sendKeys(patient.get("CONTROL_ID"));
        console.driver().findElement(By.id("find")).click();
        console.waitFor(By.xpath("//table[@id='messages']//td[text()='" + patient.get("CONTROL_ID") + "']"));
        assertThat(console.texts(By.cssSelector("#messages td.control-id"))).containsExactly(patient.get("CONTROL_ID"));
        console.driver().findElement(By.cssSelector("#messages tbody a")).click();

        WebElement language = console.waitFor(By.cssSelector("#segments [data-pos='PID-15.1']"));
        assertThat(language.getText()).isEqualTo("SPA");
        assertThat(language.getAttribute("title")).isEqualTo("PID-15.1: SPA");
        assertThat(console.driver().findElement(By.id("ack")).getText()).isEqualTo("MSA-1 AA");
        assertThat(console.driver().findElement(By.id("rule-set-version")).getText())
                .as("the rules that handled it").isEqualTo(rules.current().version());
        assertThat(console.driver().findElement(By.cssSelector("#ack-segments [data-pos='MSH-10']")).getText())
                .as("the acknowledgement the sender got, not a rebuilt one").isEqualTo(patient.get("ACK_CONTROL_ID"));
        assertThat(console.driver().findElement(By.cssSelector("#ack-segments [data-pos='MSA-2']")).getText())
                .isEqualTo(patient.get("CONTROL_ID"));
        assertThat(console.texts(By.cssSelector("#effects-table tbody td:nth-child(2)"))).contains("INTERPRETER");
        console.driver().findElement(By.id("show-positions")).click();
        assertThat(console.driver().findElement(By.id("segments")).getAttribute("class")).contains("positions");

        console.driver().findElement(By.id("reprocess")).click();

        assertThat(console.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("Processed again: PROCESSED.");
        assertThat(console.driver().findElement(By.id("reprocess-count")).getText()).isEqualTo("(1 times again)");
        assertThat(workItemsOf(patient.get("MRN"))).as("nothing doubled").hasSize(itemsBefore);
    }

    @Test
    void anEngineerFindsAPatientsMessagesByMrnAndTheMrnStaysOutOfTheAddress() {
        Fixtures patient = admit();
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/messages");

        console.driver().findElement(By.name("mrn")).sendKeys(patient.get("MRN"));
        console.driver().findElement(By.id("find")).click();

        console.waitFor(By.xpath("//table[@id='messages']//td[text()='" + patient.get("CONTROL_ID") + "']"));
        assertThat(console.texts(By.cssSelector("#messages td.control-id"))).containsExactly(patient.get("CONTROL_ID"));
        assertThat(console.driver().getCurrentUrl()).doesNotContain(patient.get("MRN"));
    }

    @Test
    void anEngineerReadsTheLoadedRuleSetsAndRoutes() {
        console.signIn(key(Role.INTEGRATION));
        console.open("/console/mappings");

        WebElement adt = console.waitFor(By.cssSelector("section[data-rule-set='adt-liaison']"));
        assertThat(adt.getText()).contains("adt-liaison.yaml").contains("opens INTERPRETER");
        assertThat(console.texts(By.cssSelector("#routes td:first-child span:first-child")))
                .contains("hl7-adt-inbound", "vendor-insurance", "vendor-interpreter", "vendor-transport");
        assertThat(console.driver().findElement(By.id("routes")).getText()).contains("Started");
        assertThat(console.driver().findElement(By.cssSelector("#rule-set-version .version")).getText())
                .isEqualTo(rules.current().version()).hasSize(12);
    }

    @Test
    void aLiaisonIsRefusedTheMessagesPage() {
        console.signIn(key(Role.LIAISON));
        console.open("/console/messages");

        assertThat(console.waitFor(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(console.texts(By.cssSelector(".bar nav a"))).as("nor offered it").containsExactly("Work list");
    }

    /** The EHR admits a patient; ACK_CONTROL_ID is the MSH-10 of the acknowledgement it got. */
    private Fixtures admit() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            Ack ack = ehr.send(patient.hl7("a01-admit-interpreter"));
            assertThat(ack.code()).isEqualTo("AA");
            return patient.with("ACK_CONTROL_ID", ack.controlId());
        }
    }
}
