package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestCertificates;
import org.liaisonhub.support.TestCertificates.ClientCertificate;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Served over TLS, the console's session cookie is marked Secure as well as HttpOnly and SameSite=Strict, and the
 * browser is told to use HTTPS only, to run no script but the hub's own and to send no Referer.
 */
class ConsoleOverTlsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String KEY = "nurse-key-0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void overHttpsTheSessionCookieIsSecureAndThePagesCarryHstsCspAndReferrerPolicy() throws Exception {
        TestCertificates certificates = new TestCertificates(dataDir);
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, TestIds.freePort(),
                "--server.ssl.key-store=" + certificates.serverKeystore,
                "--server.ssl.key-store-password=" + TestCertificates.PASSWORD,
                "--server.ssl.key-store-type=PKCS12",
                "--hub.security.api-keys.nurse.key=" + KEY,
                "--hub.security.api-keys.nurse.roles=LIAISON")) {
            String base = "https://localhost:" + hub.getEnvironment().getProperty("local.server.port");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .sslContext(certificates.clientContext(ClientCertificate.NONE)).build();
            List<String> cookies = new ArrayList<>();

            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            cookies.addAll(form.headers().allValues("Set-Cookie"));
            assertThat(form.headers().firstValue("Strict-Transport-Security")).as("HSTS over HTTPS")
                    .hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe"));
            assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            Matcher token = CSRF.matcher(form.body());
            assertThat(token.find()).as("the sign-in form carries its CSRF token").isTrue();
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("credential=" + KEY + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            cookies.addAll(signedIn.headers().allValues("Set-Cookie"));

            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                    .doesNotContain("error"));
            assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly")
                            .contains("SameSite=Strict"));
        }
    }
}
