package org.liaisonhub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with its three vendors pointed at one WireMock server ({@code /insurance}, {@code /transport},
 * {@code /interpreter}), short retry pauses and known callback secrets, and the EHR's FHIR server at another. By
 * default every vendor answers 201 with a Location; tests add their own stubs for their own patients.
 */
public abstract class VendorIntegrationTest extends HubTestBase {

    protected static final WireMockServer VENDOR = new WireMockServer(options().dynamicPort());
    /** The EHR's FHIR server, where id-only notifications are read; it wants {@link #EHR_TOKEN}. */
    protected static final WireMockServer EHR = new WireMockServer(options().dynamicPort());
    protected static final String EHR_TOKEN = "token-the-hub-presents-to-the-ehr";
    protected static final int MAX_ATTEMPTS = 20;
    private static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-vendor-test");

    static {
        VENDOR.start();
        EHR.start();
        Runtime.getRuntime().addShutdownHook(new Thread(VENDOR::stop));
        Runtime.getRuntime().addShutdownHook(new Thread(EHR::stop));
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        hubAt(registry, DATA_DIR, MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.dispatch.relay-interval", () -> "200ms");
        registry.add("hub.fhir.time-zone", () -> "America/Chicago");
        registry.add("hub.fhir.ehr-base-url", () -> EHR.baseUrl() + "/fhir");
        registry.add("hub.fhir.ehr-auth.type", () -> "bearer");
        registry.add("hub.fhir.ehr-auth.token", () -> EHR_TOKEN);
        for (String vendor : new String[] {"insurance", "transport", "interpreter"}) {
            String prefix = "hub.vendors." + vendor + ".";
            registry.add(prefix + "url", () -> VENDOR.baseUrl() + "/" + vendor);
            // transport keeps trying through the outage test; the others give up after MAX_ATTEMPTS
            registry.add(prefix + "retry.max-attempts", () -> vendor.equals("transport") ? 500 : MAX_ATTEMPTS);
            registry.add(prefix + "retry.initial-backoff", () -> "20ms");
            registry.add(prefix + "retry.max-backoff", () -> "200ms");
            // a circuit opened by one test's failing vendor lets the next test's requests through within moments
            registry.add(prefix + "circuit.probe-interval", () -> "200ms");
            registry.add(prefix + "callback-secret", () -> secret(vendor));
            registry.add(prefix + "timeout", () -> "5s");
        }
    }

    protected static String secret(String vendor) {
        return vendor + "-callback-secret-of-32-bytes-at-least";
    }

    @BeforeEach
    protected void vendorsAccept() {
        VENDOR.resetAll();
        for (String vendor : new String[] {"insurance", "transport", "interpreter"}) {
            VENDOR.stubFor(post(urlEqualTo("/" + vendor)).atPriority(10).willReturn(aResponse()
                    .withStatus(201)
                    .withHeader("Location", VENDOR.baseUrl() + "/" + vendor + "/Task/accepted-1")));
        }
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }
}
