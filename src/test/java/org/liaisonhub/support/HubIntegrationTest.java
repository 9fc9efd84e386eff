package org.liaisonhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.liaisonhub.LiaisonHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running hub shared by the integration tests that extend this class: embedded Artemis, an H2 file database
 * in a fresh directory, the real routes/ and mappings/, an MLLP listener on a free port. Tests keep out of each
 * other's way by using their own MRNs, visits and control ids ({@link TestIds}).
 */
@CamelSpringBootTest
@SpringBootTest(classes = LiaisonHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    /** Small enough that the oversize test stays quick; the 1 MB test message is well below it. */
    protected static final int MAX_MESSAGE_SIZE = 2 * 1024 * 1024;
    protected static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    @LocalServerPort
    protected int httpPort;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.mllp.port", () -> MLLP_PORT);
        registry.add("hub.mllp.host", () -> "127.0.0.1");
        registry.add("hub.mllp.max-message-size", () -> MAX_MESSAGE_SIZE);
    }

    protected MllpTestClient mllp() {
        return new MllpTestClient("127.0.0.1", MLLP_PORT);
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

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("liaison-hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
