package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonhub.support.ConsoleBrowser;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.TestIdentityProvider;
import org.liaisonhub.support.TestIds;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub whose people sign in with the hospital identity provider's tokens (and no API key at all): the token opens
 * a session under the person's own name, with the roles the token carries, in a cookie scripts cannot read.
 */
class TokenSignInBrowserTest extends HubTestBase {

    private static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-console-jwt");
    private static final TestIdentityProvider IDP = TestIdentityProvider.start();

    @DynamicPropertySource
    static void hubTrustingTheIdentityProvider(DynamicPropertyRegistry registry) {
        hubAt(registry, DATA_DIR, MLLP_PORT);
        IDP.hubProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext server;

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser(() -> port);

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @Test
    void aLiaisonSignsInWithATokenAndWorksUnderTheirOwnName() {
        console.signIn(IDP.token("nurse.ana", "LIAISON"));

        assertThat(console.waitFor(By.cssSelector("form.who strong")).getText()).isEqualTo("nurse.ana");
        assertThat(console.waitFor(By.tagName("h1")).getText()).isEqualTo("Work list");
        Cookie session = console.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        console.open("/console/messages");
        assertThat(console.waitFor(By.tagName("h1")).getText()).as("the token's roles, not more")
                .isEqualTo("Not allowed");
    }

    @Test
    void anExpiredTokenOrOneFromAnotherIssuerDoesNotSignIn() {
        for (String token : List.of(IDP.token("nurse.ana", Map.of(), -60),
                TestIdentityProvider.foreign().token("mallory", "ADMIN"))) {
            console.open("/login");
            console.driver().findElement(By.id("credential")).sendKeys(token);
            console.driver().findElement(By.cssSelector("form button[type=submit]")).click();

            assertThat(console.waitFor(By.cssSelector("p.problem")).getText()).contains("not accepted");
            assertThat(console.driver().getCurrentUrl()).contains("/login");
        }
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesByDefault() {
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).as("minutes").isEqualTo(30);
    }
}
