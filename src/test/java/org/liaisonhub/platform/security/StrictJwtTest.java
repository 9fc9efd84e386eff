package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIdentityProvider;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JWTs are taken only from the configured issuer, for this hub's audience, signed with the issuer's RSA keys and
 * within their validity; roles only from the claim path of this application's roles, by exact name. A hub with JWTs
 * enabled but no issuer or audience to check does not start.
 */
class StrictJwtTest {

    private static final HttpClient client = HttpClient.newHttpClient();
    private static TestIdentityProvider idp;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub(@TempDir Path dataDir) {
        idp = TestIdentityProvider.start();
        hub = HubProcess.start(dataDir, TestIds.freePort(), arguments(idp.hubProperties(),
                "--hub.security.api-keys.monitoring.key=monitoring-key-0123456789",
                "--hub.security.api-keys.monitoring.roles=INTEGRATION"));
    }

    @AfterAll
    static void stopHub() {
        hub.close();
        idp.close();
    }

    @Test
    void tokensOfTheIssuerForThisHubCarryTheirClientRoles() throws Exception {
        String liaison = idp.token("nurse.ana", "LIAISON");
        assertThat(status("/api/work-items", liaison)).isEqualTo(200);
        assertThat(status("/api/messages", liaison)).isEqualTo(403);
        assertThat(status("/api/messages", "monitoring-key-0123456789")).as("API keys work beside JWTs").isEqualTo(200);
        assertThat(call("/api/audit?principal=nurse.ana&action=READ", idp.token("auditor.bo", "AUDITOR")).body())
                .contains("nurse.ana");
    }

    @Test
    void tokensOfAnotherIssuerOrForAnotherApplicationAreRefused() throws Exception {
        assertThat(status("/api/work-items", idp.token("nurse.ana", withRoles(Map.of("iss",
                "https://idp.elsewhere.test/realms/other")), 300))).as("another issuer").isEqualTo(401);
        assertThat(status("/api/work-items", idp.token("nurse.ana", withRoles(Map.of("aud", "patient-portal")), 300)))
                .as("another audience").isEqualTo(401);
        assertThat(status("/api/work-items", idp.token("nurse.ana", withRoles(Map.of("aud", List.of())), 300)))
                .as("no audience").isEqualTo(401);
        assertThat(status("/api/work-items", TestIdentityProvider.foreign().token("mallory", "ADMIN")))
                .as("signed by a key the issuer does not publish").isEqualTo(401);
    }

    @Test
    void tokensOutsideTheirValidityAreRefused() throws Exception {
        assertThat(status("/api/work-items", idp.token("nurse.ana", withRoles(Map.of()), -120))).as("expired")
                .isEqualTo(401);
        Date inTenMinutes = Date.from(Instant.now().plusSeconds(600));
        assertThat(status("/api/work-items", idp.token("nurse.ana", withRoles(Map.of("nbf", inTenMinutes)), 900)))
                .as("not yet valid").isEqualTo(401);
    }

    @Test
    void unsignedTokensAndTokensSignedWithThePublicKeyAsSecretAreRefused() throws Exception {
        Map<String, Object> roles = withRoles(Map.of());
        PlainJWT unsigned = new PlainJWT(claims("mallory", roles));
        assertThat(status("/api/work-items", unsigned.serialize())).as("alg none").isEqualTo(401);

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(idp.publicKey().getKeyID()).build(), claims("mallory", roles));
        hmac.sign(new MACSigner(idp.publicKey().toRSAPublicKey().getEncoded()));
        assertThat(status("/api/work-items", hmac.serialize())).as("HS256 keyed with the published RSA key")
                .isEqualTo(401);
    }

    @Test
    void rolesCountOnlyFromThisApplicationsClaimAndByExactName() throws Exception {
        assertThat(status("/api/messages", idp.token("mallory", Map.of("roles", List.of("ADMIN", "INTEGRATION")),
                300))).as("top-level roles are the provider's, not this hub's").isEqualTo(403);
        assertThat(status("/api/messages", idp.token("mallory", "admin", "Integration")))
                .as("role names differing in case").isEqualTo(403);
        assertThat(status("/api/messages", idp.token("ivy.integration", "INTEGRATION"))).isEqualTo(200);
    }

    @Test
    void aHubWithJwtsButNoIssuerOrAudienceToCheckDoesNotStart(@TempDir Path dataDir) {
        for (String missing : List.of("issuer-uri", "audiences")) {
            Map<String, String> settings = new HashMap<>(idp.hubProperties());
            settings.remove("spring.security.oauth2.resourceserver.jwt." + missing);
            assertThatThrownBy(() -> HubProcess.start(dataDir, TestIds.freePort(), arguments(settings)).close())
                    .as("without " + missing).rootCause()
                    .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri and .audiences");
        }
    }

    private static Map<String, Object> withRoles(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("resource_access",
                Map.of(TestIdentityProvider.AUDIENCE, Map.of("roles", List.of("LIAISON")))));
        all.putAll(claims);
        return all;
    }

    private static JWTClaimsSet claims(String subject, Map<String, Object> extra) {
        JWTClaimsSet.Builder claims = TestIdentityProvider.claims(subject, 300);
        extra.forEach(claims::claim);
        return claims.build();
    }

    private static String[] arguments(Map<String, String> settings, String... more) {
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static int status(String path, String token) throws IOException, InterruptedException {
        return call(path, token).statusCode();
    }

    private static HttpResponse<String> call(String path, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hub.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
