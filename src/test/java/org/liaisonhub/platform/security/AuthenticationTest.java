package org.liaisonhub.platform.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Bearer JWTs from the configured issuer, API keys beside them, and the key a fresh hub makes for itself. */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void jwtsFromTheConfiguredKeySetCarryTheirRolesAndOthersAreRefused() throws Exception {
        RSAKey signing = new RSAKeyGenerator(2048).keyID("hospital-idp-1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("hospital-idp-1").generate();
        WireMockServer idp = new WireMockServer(options().dynamicPort());
        idp.start();
        idp.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(signing.toPublicJWK()).toString())));
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, TestIds.freePort(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + idp.baseUrl() + "/jwks",
                "--hub.security.api-keys.monitoring.key=monitoring-key-0123456789",
                "--hub.security.api-keys.monitoring.roles=INTEGRATION")) {
            String liaison = jwt(signing, "nurse.ana", Map.of("roles", List.of("LIAISON")), 300);
            assertThat(call(hub, "/api/work-items", liaison).statusCode()).isEqualTo(200);
            assertThat(call(hub, "/api/messages", liaison).statusCode()).isEqualTo(403);
            assertThat(call(hub, "/api/work-items", jwt(signing, "nurse.ana", Map.of("roles", List.of("LIAISON")), -60))
                    .statusCode()).as("expired").isEqualTo(401);
            assertThat(call(hub, "/api/work-items", jwt(stranger, "mallory", Map.of("roles", List.of("ADMIN")), 300))
                    .statusCode()).as("signed by another key").isEqualTo(401);
            assertThat(call(hub, "/api/messages", "monitoring-key-0123456789").statusCode())
                    .as("API keys work beside JWTs").isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("admin-api-key"))).as("no key is generated when some are set")
                    .isFalse();

            String auditor = jwt(signing, "auditor.bo", Map.of("roles", List.of("AUDITOR")), 300);
            assertThat(call(hub, "/api/audit?principal=nurse.ana&action=READ", auditor).body()).contains("nurse.ana");
        } finally {
            idp.stop();
        }
    }

    @Test
    void aHubWithNothingConfiguredMakesAnAdminKeyKeepsItPrivateAndNeverPrintsIt(CapturedOutput output)
            throws Exception {
        int port = TestIds.freePort();
        String key;
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port)) {
            Path file = dataDir.resolve("admin-api-key");
            key = Files.readString(file).trim();
            assertThat(key).startsWith("lh_").hasSizeGreaterThan(40);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(call(hub, "/api/work-items", key).statusCode()).isEqualTo(200);
            assertThat(call(hub, "/api/work-items", null).statusCode()).isEqualTo(401);
            assertThat(output.getOut()).contains(file.toString());
        }
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port)) {
            assertThat(call(hub, "/api/messages", key).statusCode()).as("the same key after a restart").isEqualTo(200);
        }
        assertThat(output.getAll()).doesNotContain(key);
    }

    private HttpResponse<String> call(ConfigurableApplicationContext hub, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hub.getEnvironment().getProperty("local.server.port") + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(RSAKey key, String subject, Map<String, Object> claims, long validForSeconds)
            throws JOSEException {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validForSeconds)));
        claims.forEach(body::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                body.build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }
}
