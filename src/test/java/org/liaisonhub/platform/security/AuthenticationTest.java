package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIdentityProvider;
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
        TestIdentityProvider stranger = TestIdentityProvider.foreign();
        try (TestIdentityProvider idp = TestIdentityProvider.start();
                ConfigurableApplicationContext hub = HubProcess.start(dataDir, TestIds.freePort(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + idp.jwkSetUri(),
                        "--hub.security.api-keys.monitoring.key=monitoring-key-0123456789",
                        "--hub.security.api-keys.monitoring.roles=INTEGRATION")) {
            String liaison = idp.token("nurse.ana", Map.of("roles", List.of("LIAISON")), 300);
            assertThat(call(hub, "/api/work-items", liaison).statusCode()).isEqualTo(200);
            assertThat(call(hub, "/api/messages", liaison).statusCode()).isEqualTo(403);
            assertThat(call(hub, "/api/work-items", idp.token("nurse.ana", Map.of("roles", List.of("LIAISON")), -60))
                    .statusCode()).as("expired").isEqualTo(401);
            assertThat(call(hub, "/api/work-items", stranger.token("mallory", Map.of("roles", List.of("ADMIN")), 300))
                    .statusCode()).as("signed by another key").isEqualTo(401);
            assertThat(call(hub, "/api/messages", "monitoring-key-0123456789").statusCode())
                    .as("API keys work beside JWTs").isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("admin-api-key"))).as("no key is generated when some are set")
                    .isFalse();

            String auditor = idp.token("auditor.bo", Map.of("roles", List.of("AUDITOR")), 300);
            assertThat(call(hub, "/api/audit?principal=nurse.ana&action=READ", auditor).body()).contains("nurse.ana");
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
}
