package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.TestIds;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's first minute: a hub started with no credentials configured makes an ADMIN key in its data directory,
 * and that key signs in to the console; a wrong key is refused with a message, not a stack trace.
 */
class GeneratedKeySignInBrowserTest extends HubTestBase {

    private static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-console-first-start");

    @DynamicPropertySource
    static void hubWithoutKeys(DynamicPropertyRegistry registry) {
        hubAt(registry, DATA_DIR, MLLP_PORT);
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @Test
    void theKeyGeneratedAtFirstStartSignsInAsAdmin() throws IOException {
        console.signIn(Files.readString(DATA_DIR.resolve("admin-api-key")).strip());

        assertThat(console.waitFor(By.cssSelector("form.who strong")).getText()).isEqualTo("generated-admin");
        assertThat(console.texts(By.cssSelector("ul.sections a"))).as("ADMIN opens every section")
                .containsExactly("Work list", "Dashboard", "Messages", "Dead letters", "Mappings and routes", "Access audit");
        assertThat(console.texts(By.cssSelector(".bar nav a"))).as("the navigation follows the same rules")
                .containsExactly("Work list", "Dashboard", "Messages", "Dead letters", "Mappings", "Audit");
        console.driver().findElement(By.linkText("Work list")).click();
        assertThat(console.waitFor(By.tagName("h1")).getText()).isEqualTo("Work list");
    }

    @Test
    void aKeyTheHubDoesNotKnowIsRefusedWithAMessage() {
        console.open("/login");
        console.driver().findElement(By.id("credential")).sendKeys("not-a-key-of-this-hub");
        console.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(console.waitFor(By.cssSelector("p.problem")).getText()).contains("not accepted");
        assertThat(console.driver().getCurrentUrl()).contains("/login");
    }
}
