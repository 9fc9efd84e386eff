package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.HubIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor reads the access audit in the console and narrows it to one person, one action and one day. */
class AuditBrowserTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Test
    void anAuditorFindsALiaisonsSignInByPrincipalActionAndDay() {
        console.signIn(key(Role.LIAISON));
        console.signOut();
        console.signIn(key(Role.AUDITOR));
        assertThat(console.driver().getCurrentUrl()).endsWith("/console/audit");

        console.driver().findElement(By.name("principal")).sendKeys("test-liaison");
        console.driver().findElement(By.name("action")).sendKeys("SIGN_IN");
        WebElement from = console.driver().findElement(By.name("from"));
        console.script("document.getElementsByName('from')[0].value = '" + LocalDate.now(ZoneOffset.UTC) + "';");
        assertThat(from.getAttribute("value")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        console.driver().findElement(By.cssSelector("form.filters button")).click();

        console.waitFor(By.cssSelector("#audit td.principal"));
        assertThat(console.texts(By.cssSelector("#audit td.principal"))).isNotEmpty().containsOnly("test-liaison");
        assertThat(console.texts(By.cssSelector("#audit td.action"))).containsOnly("SIGN_IN");
        assertThat(console.driver().getCurrentUrl()).as("filters are names and days, no patient data")
                .contains("principal=test-liaison").contains("action=SIGN_IN");
    }
}
