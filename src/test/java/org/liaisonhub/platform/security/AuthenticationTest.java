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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The key a fresh hub makes for itself (JWTs: {@link StrictJwtTest}). */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

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
