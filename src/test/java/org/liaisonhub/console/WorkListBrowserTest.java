package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.ConsoleBrowser.PATIENCE;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.Browser;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.OverdueWork;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A liaison works the list in the console, in a real browser, as the EHR's feed fills it. */
class WorkListBrowserTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OverdueWork overdue;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void aLiaisonSeesAnAdmittedPatientsInterpreterItemAppearThenClaimsNotesAndCompletesIt() {
        WebDriver browser = console.driver();
        console.signIn(key(Role.LIAISON));
        assertThat(browser.getCurrentUrl()).endsWith("/console/work-items");
        console.script("window.notReloaded = true;");

        Fixtures patient = admit();
        console.waitFor(By.xpath("//tbody[@id='rows']/tr[td[text()='" + patient.get("MRN")
                + "'] and td[text()='INTERPRETER']]"));
        assertThat(console.script("return window.notReloaded === true;"))
                .as("the item appeared in the open list, without a reload").isEqualTo(true);
        assertThat(browser.getTitle()).as("no patient data in the title").isEqualTo("Work list · Liaison Hub");
        Browser.screenshot(browser, "console-work-list");

        browser.findElement(By.xpath("//tbody[@id='rows']/tr[td[text()='" + patient.get("MRN")
                + "'] and td[text()='INTERPRETER']]//a")).click();
        console.waitFor(By.id("claim")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("assignee")).getText(), "test-liaison"::equals);
        browser.findElement(By.id("note")).sendKeys("Spanish interpreter booked for 14:00");
        browser.findElement(By.id("add-note")).click();
        console.waitFor(By.id("to-completed")).click();

        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("status")).getText(), "COMPLETED"::equals);
        assertThat(console.texts(By.cssSelector("#history-table tbody tr td:nth-child(2)")))
                .contains("ASSIGNED", "NOTE", "STATUS_CHANGED");
        assertThat(console.texts(By.cssSelector("#history-table tbody tr td.actor")))
                .as("the signed-in liaison is named for each change")
                .containsSubsequence("test-liaison", "test-liaison", "test-liaison");
        assertThat(browser.findElement(By.id("history-table")).getText())
                .contains("Spanish interpreter booked for 14:00");
    }

    @Test
    void aLiaisonNarrowsTheListToTheirUnit() {
        String unit = "U" + TestIds.controlId().substring(0, 6);
        Fixtures mine = admit(unit);
        Fixtures elsewhere = admit("5EAST");
        console.signIn(key(Role.LIAISON));

        console.waitFor(By.name("unit")).sendKeys(unit);
        console.waitFor(By.cssSelector("#filters button[type=submit]")).click();

        await().atMost(PATIENCE).until(() -> console.driver().getCurrentUrl().contains("unit=" + unit));
        assertThat(console.texts(By.cssSelector("#rows tr td:nth-child(6)")))
                .contains(mine.get("MRN")).doesNotContain(elsewhere.get("MRN"));
        assertThat(console.texts(By.cssSelector("#rows tr td:nth-child(8)"))).containsOnly("GENHOSP · " + unit);
    }

    @Test
    void aLiaisonListsWhatIsOverdueMostUrgentFirstAndSeesEachItemsPriorityAndDueTime() {
        String unit = "U" + TestIds.controlId().substring(0, 6);
        Fixtures patient = admit(unit);
        overdue.mark(Instant.now());
        console.signIn(key(Role.LIAISON));

        console.waitFor(By.name("unit")).sendKeys(unit);
        console.waitFor(By.name("overdue")).click();
        new Select(console.waitFor(By.name("sort"))).selectByValue("priority");
        console.waitFor(By.cssSelector("#filters button[type=submit]")).click();

        await().atMost(PATIENCE).until(() -> console.driver().getCurrentUrl().contains("overdue=yes"));
        By interpreter = By.xpath("//tbody[@id='rows']/tr[td[text()='" + patient.get("MRN")
                + "'] and td[text()='INTERPRETER']]");
        assertThat(console.waitFor(interpreter).findElement(By.cssSelector(".priority")).getText())
                .isEqualTo("routine");
        assertThat(console.driver().findElement(interpreter).findElement(By.cssSelector("td.due")).getText())
                .as("the due time in the browser's zone, marked overdue").contains("2026").contains("OVERDUE");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Fixtures patient = admit();
        long item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        console.signIn(key(Role.LIAISON));

        Object status = console.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/console/work-items/%d/note', {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'note=forged'})
                  .then(r => done(r.status));""".formatted(item));

        assertThat(status).isEqualTo(403L);
        assertThat(getJson("/api/work-items/" + item).get("history").toString()).doesNotContain("forged");
    }

    @Test
    void afterSigningOutTheBackButtonShowsNoPatientData() {
        Fixtures patient = admit();
        long item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        console.signIn(key(Role.LIAISON));
        console.open("/console/work-items/" + item);
        assertThat(console.driver().getPageSource()).contains(patient.get("MRN"));

        console.signOut();
        console.driver().navigate().back();

        await().atMost(PATIENCE).until(() -> console.driver().getCurrentUrl().endsWith("/login"));
        assertThat(console.driver().getPageSource()).doesNotContain(patient.get("MRN"));
    }

    @Test
    void theWorkListAndAnItemFitATabletScreenWithoutScrollingSideways() {
        Fixtures patient = admit();
        long item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
        console.driver().manage().window().setSize(new Dimension(820, 1180));
        console.signIn(key(Role.LIAISON));

        for (String page : new String[] {"/console/work-items", "/console/work-items/" + item}) {
            console.open(page);
            console.waitFor(By.tagName("h1"));
            assertThat(console.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as(page + " at tablet width").isEqualTo(true);
        }
    }

    @Test
    void aPersonWhoseRolesDoNotOpenTheWorkListGetsAFriendlyRefusal() {
        console.signIn(key(Role.AUDITOR));
        console.open("/console/work-items");

        assertThat(console.waitFor(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(console.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** The EHR admits a Spanish-speaking patient over MLLP, with HAPI's client. */
    private Fixtures admit() {
        return admit("4WEST");
    }

    /** The same, to a unit of GENHOSP. */
    private Fixtures admit(String unit) {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter").replace("4WEST^", unit + "^")).code())
                    .isEqualTo("AA");
        }
        return patient;
    }
}
