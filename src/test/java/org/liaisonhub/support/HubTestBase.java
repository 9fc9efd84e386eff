package org.liaisonhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.liaisonhub.LiaisonHubApplication;
import org.liaisonhub.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A running hub for integration tests: the real routes/ and mappings/, embedded Artemis, a schema of its own in the
 * tests' PostgreSQL ({@link TestServices}), HTTP on a random port. Subclasses say where its data lives and which
 * MLLP port it listens on; tests keep out of each other's way with their own MRNs, visits and control ids
 * ({@link TestIds}).
 */
@CamelSpringBootTest
@SpringBootTest(classes = LiaisonHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTestBase {

    @Autowired
    protected TestRestTemplate http;

    /** The API key of a test caller with one role ({@code key(Role.ADMIN)} is the default caller). */
    protected static String key(Role role) {
        return "test-" + role.name().toLowerCase(Locale.ROOT) + "-key-0123456789";
    }

    /** The key of a liaison and integration engineer who may see the facility GENHOSP only. */
    protected static final String GENHOSP_ONLY = "test-genhosp-only-key-0123456789";

    /** One API key per role, named test-<role>, and {@link #GENHOSP_ONLY}. */
    protected static void apiKeys(DynamicPropertyRegistry registry) {
        for (Role role : Role.values()) {
            String prefix = "hub.security.api-keys.test-" + role.name().toLowerCase(Locale.ROOT) + ".";
            registry.add(prefix + "key", () -> key(role));
            registry.add(prefix + "roles", role::name);
        }
        registry.add("hub.security.api-keys.test-genhosp-only.key", () -> GENHOSP_ONLY);
        registry.add("hub.security.api-keys.test-genhosp-only.roles", () -> "LIAISON,INTEGRATION");
        registry.add("hub.security.api-keys.test-genhosp-only.facilities", () -> "GENHOSP");
    }

    /** A test hub of its own: its data directory, its MLLP listener on loopback, the test services. */
    protected static void hubAt(DynamicPropertyRegistry registry, Path dataDir, int mllpPort) {
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.mllp.port", () -> mllpPort);
        registry.add("hub.mllp.host", () -> "127.0.0.1");
        // every test sender connects from loopback, as many connections of one interface engine would
        registry.add("hub.mllp.connections.max-per-address", () -> 64);
        // many tests send wrong credentials from loopback on purpose; the throttle's own test uses its own address
        registry.add("hub.security.failed-authentications-per-minute", () -> 1000);
        // fixtures admit patients in the past, so their items are due at once; tests that assert an item's history
        // would meet an OVERDUE entry at a random moment: OverdueWorkTest runs the check itself
        registry.add("hub.work-items.overdue-check", () -> "1h");
        TestServices.register(registry, dataDir);
    }

    /** A request with this header goes without any credentials (the header itself is not sent). */
    protected static final String NO_CREDENTIALS = "X-Test-No-Credentials";

    /** Requests without an Authorization header of their own go as ADMIN. */
    @BeforeEach
    void authenticateAsAdmin() {
        List<ClientHttpRequestInterceptor> interceptors = http.getRestTemplate().getInterceptors();
        if (interceptors.stream().noneMatch(AdminByDefault.class::isInstance)) {
            interceptors.add(new AdminByDefault());
        }
    }

    private static final class AdminByDefault implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            if (request.getHeaders().containsKey(NO_CREDENTIALS)) {
                request.getHeaders().remove(NO_CREDENTIALS);
            } else if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(key(Role.ADMIN));
            }
            return execution.execute(request, body);
        }
    }

    @Autowired
    protected ObjectMapper json;

    protected abstract int mllpPort();

    protected MllpTestClient mllp() {
        return new MllpTestClient("127.0.0.1", mllpPort());
    }

    protected JsonNode getJson(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return read(response.getBody());
    }

    protected ResponseEntity<String> patch(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PATCH, new HttpEntity<>(body, headers), String.class);
    }

    protected ResponseEntity<String> httpPost(String path) {
        return http.postForEntity(path, null, String.class);
    }

    protected JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work items of one patient, newest first. */
    protected JsonNode workItemsOf(String mrn) {
        return getJson("/api/work-items?size=500&mrn=" + mrn).get("items");
    }

    protected static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
