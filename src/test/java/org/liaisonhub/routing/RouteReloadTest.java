package org.liaisonhub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.DirectoryCopy;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubTestBase;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route files changed under a running hub: a plain route is added, changed and removed without a restart; a change
 * to the MLLP listener, or an invalid file, is refused whole and the running routes keep serving.
 */
class RouteReloadTest extends HubTestBase {

    private static final Path WORK = tempDir("liaison-hub-routes");
    private static final Path ROUTES = DirectoryCopy.of(Path.of("routes"), WORK.resolve("routes"));
    private static final int MLLP_PORT = TestIds.freePort();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        hubAt(registry, WORK.resolve("data"), MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.routes-dir", ROUTES::toString);
        // the test reloads itself, so that each step sees its own change
        registry.add("hub.routes-reload-check", () -> "0s");
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }

    @Autowired
    RouteReload reload;

    @Autowired
    CamelContext camel;

    @Test
    void aPlainRouteIsAddedChangedAndRemovedWithoutARestart() throws IOException {
        Path file = Files.writeString(ROUTES.resolve("reload-probe.camel.yaml"), probe("first"));

        assertThat(reload.reloadIfChanged()).hasValueSatisfying(outcome -> assertThat(outcome.applied()).isTrue());
        assertThat(camel.getRouteController().getRouteStatus("reload-probe")).isEqualTo(ServiceStatus.Started);

        Files.writeString(file, probe("second"));
        assertThat(reload.reloadIfChanged()).hasValueSatisfying(outcome -> assertThat(outcome.files())
                .containsExactly("reload-probe.camel.yaml"));
        assertThat(camel.getRoute("reload-probe").getDescription()).isEqualTo("second");

        Files.delete(file);
        assertThat(reload.reloadIfChanged()).hasValueSatisfying(outcome -> assertThat(outcome.applied()).isTrue());
        assertThat(camel.getRoute("reload-probe")).isNull();
    }

    @Test
    void aChangeToTheListenerOrAnInvalidFileIsRefusedAndTheListenerKeepsServing() throws IOException {
        Path listener = ROUTES.resolve("hl7-adt-inbound.camel.yaml");
        String original = Files.readString(listener);
        try {
            Files.writeString(listener, original.replace("keepAlive: true", "keepAlive: false"));
            assertThat(reload.reloadIfChanged()).hasValueSatisfying(outcome -> {
                assertThat(outcome.applied()).isFalse();
                assertThat(outcome.problems()).singleElement().asString()
                        .startsWith(listener + ": needs a restart: its route holds a listener");
            });
            Path broken = Files.writeString(ROUTES.resolve("broken.camel.yaml"), """
                    - route:
                        id: broken
                        from:
                          uri: "direct:broken"
                          steps:
                            - too:
                                uri: log:x
                    """);
            assertThat(reload.reloadIfChanged()).hasValueSatisfying(outcome -> assertThat(outcome.problems())
                    .anySatisfy(problem -> assertThat(problem).startsWith(broken + ":6:")));
            Files.delete(broken);
        } finally {
            Files.writeString(listener, original);
        }

        assertThat(reload.reloadIfChanged()).as("back as loaded: nothing to do").isEmpty();
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
    }

    private static String probe(String description) {
        return """
                - route:
                    id: reload-probe
                    description: %s
                    routeConfigurationId: hub-error-handling
                    from:
                      id: reload-probe-input
                      uri: "direct:reload-probe"
                      steps:
                        - log:
                            id: reload-probe-log
                            message: "probe"
                """.formatted(description);
    }
}
