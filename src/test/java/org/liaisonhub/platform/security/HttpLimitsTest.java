package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Limits every HTTP caller meets: the size of a body, the entries of a FHIR Bundle, how often an address may fail
 * to authenticate, whose forwarded client address is believed, and the headers that keep browsers strict.
 */
class HttpLimitsTest {

    private static final String ADMIN = "admin-key-0123456789abcdef";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient client = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub(@TempDir Path dataDir) {
        hub = HubProcess.start(dataDir, TestIds.freePort(), "--hub.http.max-request-size=16KB",
                "--hub.fhir.max-request-size=64KB", "--hub.fhir.max-bundle-entries=5",
                "--hub.security.failed-authentications-per-minute=3",
                "--hub.security.api-keys.admin.key=" + ADMIN, "--hub.security.api-keys.admin.roles=ADMIN");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void aBodyBeyondItsEndpointsLimitIsRefused413InTheCallersProtocol() throws Exception {
        String big = "{\"note\": \"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> declared = send(HttpRequest.newBuilder(url("/api/work-items/1"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(big)), null);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(declared.body()).contains("at most 16384 bytes");

        HttpResponse<String> chunked = send(HttpRequest.newBuilder(url("/api/work-items/1")).method("PATCH",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))), null);
        assertThat(chunked.statusCode()).as("a chunked body, read up to the limit").isEqualTo(413);

        Patient patient = new Patient();
        patient.addName().setFamily("x".repeat(70_000));
        assertThatThrownBy(() -> fhir().create().resource(patient).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(413);
                    assertThat(e.getResponseBody()).contains("OperationOutcome").contains("too-long");
                });
    }

    @Test
    void aBundleWithMoreEntriesThanAllowedIsRefused413() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < 6; i++) {
            bundle.addEntry().setResource(new Patient().setActive(true)).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        }
        assertThatThrownBy(() -> fhir().transaction().withBundle(bundle).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(413);
                    assertThat(e.getResponseBody()).contains("too-costly").contains("at most 5");
                });
    }

    @Test
    void anAddressFailingTooOftenIsRefusedForTheRestOfTheMinuteAndOthersAreNot() throws Exception {
        String guesser = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff);
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/api/work-items"), guesser, "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = send(get("/api/work-items"), guesser, ADMIN);
        assertThat(refused.statusCode()).as("even with a right key, for now").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
        assertThat(send(get("/api/work-items"), "2001:db8::1:2", ADMIN).statusCode()).as("another address")
                .isEqualTo(200);

        List<AuditEvent> rows = hub.getBean(AuditTrail.class).search(null, AuditEvent.AUTHENTICATION_FAILED, null,
                null, null, null, 0, 50).items().stream().filter(e -> guesser.equals(e.remoteAddress())).toList();
        assertThat(rows).as("the first failure of the minute, at once").hasSize(1);
    }

    @Test
    void failedConsoleSignInsAreThrottledAsTheApisAre() throws Exception {
        String guesser = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":5";
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> form = browser.send(get("/login").header("X-Forwarded-For", guesser).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(form.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(url("/login"))
                    .header("X-Forwarded-For", guesser)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("credential=guess-" + i + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to ->
                    assertThat(to).endsWith("/login?error"));
        }
        HttpResponse<String> throttled = browser.send(get("/login").header("X-Forwarded-For", guesser).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).as("the sign-in page itself, for the rest of the minute").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void theFailuresOfAMinuteAfterItsFirstAreRecordedAsOneRowWithTheirCount() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:00Z"));
        AuditTrail audit = hub.getBean(AuditTrail.class);
        FailedAuthentications failures = new FailedAuthentications(audit, 3, clock);
        String address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":1";
        for (int i = 0; i < 5; i++) {
            failures.failed(address, "GET", "/api/work-items", "unknown credentials", true);
        }
        assertThat(failures.refusedFor(address)).isPresent();
        clock.advance(Duration.ofSeconds(61));
        assertThat(failures.refusedFor(address)).as("a new minute").isEmpty();
        failures.summarizeEndedMinutes();

        List<String> details = audit.search(null, AuditEvent.AUTHENTICATION_FAILED, null, null, null, null, 0, 50)
                .items().stream().filter(e -> address.equals(e.remoteAddress())).map(AuditEvent::detail).toList();
        assertThat(details).containsExactlyInAnyOrder("unknown credentials",
                "4 more failed authentications in the minute from 2026-12-07T08:00:00Z");
    }

    @Test
    void aForwardedClientAddressIsBelievedFromTheTrustedProxyOnly(@TempDir Path otherData) throws Exception {
        String client = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":2";
        send(get("/api/work-items"), client, "wrong-key");
        assertThat(failedFrom(hub, client)).as("loopback is the trusted proxy by default").isTrue();

        try (ConfigurableApplicationContext behindBalancer = HubProcess.start(otherData, TestIds.freePort(),
                "--server.tomcat.remoteip.internal-proxies=10\\.20\\.30\\.40")) {
            String claimed = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":3";
            send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(behindBalancer) + "/api/work-items")),
                    claimed, "wrong-key");
            assertThat(failedFrom(behindBalancer, claimed)).as("a header from an untrusted peer is ignored").isFalse();
            assertThat(failedFrom(behindBalancer, "127.0.0.1")).isTrue();
        }
    }

    @Test
    void pagesAndTheApiTellBrowsersToRunNothingForeignAndSendNoReferrer() throws Exception {
        HttpResponse<String> login = send(get("/login"), null);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONSOLE_POLICY);
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();
        HttpResponse<String> api = send(get("/api/work-items"), null, ADMIN);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.API_POLICY);
    }

    private static boolean failedFrom(ConfigurableApplicationContext hub, String address) {
        return hub.getBean(AuditTrail.class).search(null, AuditEvent.AUTHENTICATION_FAILED, null, null, null, null,
                0, 200).items().stream().anyMatch(e -> address.equals(e.remoteAddress()));
    }

    private static IGenericClient fhir() {
        IGenericClient fhir = FHIR.newRestfulGenericClient("http://127.0.0.1:" + port(hub) + "/fhir");
        fhir.registerInterceptor(new BearerTokenAuthInterceptor(ADMIN));
        return fhir;
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(url(path));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port(hub) + path);
    }

    private static String port(ConfigurableApplicationContext hub) {
        return hub.getEnvironment().getProperty("local.server.port");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String forwardedFor, String key)
            throws Exception {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        request.header("Authorization", "Bearer " + key);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String key) throws Exception {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The time as the test moves it. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
