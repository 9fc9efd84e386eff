package org.liaisonhub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route files are checked offline for what Camel would refuse when the hub loads or starts them. */
class RouteFileCheckTest {

    @TempDir
    Path routes;

    @Test
    void theShippedRoutesHaveNoProblem() {
        assertThat(RouteFileCheck.problems(Path.of("routes"))).isEmpty();
    }

    @Test
    void anUnknownStepIsReportedAtItsLineAndColumn() throws IOException {
        Path file = write("broken.camel.yaml", """
                - route:
                    id: broken
                    from:
                      uri: "timer:tick"
                      steps:
                        - too:
                            uri: log:x
                """);
        assertThat(RouteFileCheck.problems(routes)).singleElement().asString()
                .startsWith(file + ":6:11: ").contains("too");
    }

    @Test
    void anEndpointOptionItsComponentDoesNotKnowIsReportedAtTheEndpoint() throws IOException {
        Path file = write("listener.camel.yaml", """
                - route:
                    id: listener
                    from:
                      id: listener-input
                      uri: "netty:tcp://localhost:2575"
                      parameters:
                        sync: true
                        tcpNoDelays: true
                      steps:
                        - to:
                            id: out
                            uri: "nosuchthing:queue"
                """);
        assertThat(RouteFileCheck.problems(routes)).containsExactly(
                file + ":5:1: route 'listener': endpoint netty: has no option 'tcpNoDelays'",
                file + ":10:1: route 'listener': endpoint nosuchthing: names no Camel component the hub has");
    }

    @Test
    void aRouteIdUsedByTwoFilesAndAMissingRouteConfigurationAreReported() throws IOException {
        Path first = write("a.camel.yaml", route("twice", null));
        Path second = write("b.camel.yaml", route("twice", "no-such-configuration"));
        List<String> problems = RouteFileCheck.problems(routes);
        assertThat(problems).containsExactlyInAnyOrder(
                second + ":1:1: route id 'twice' is already used by " + first,
                second + ":1:1: route 'twice' names routeConfigurationId 'no-such-configuration', which no route"
                        + " file defines");
    }

    @Test
    void aMissingDirectoryIsAProblem() {
        assertThat(RouteFileCheck.problems(routes.resolve("absent"))).singleElement().asString()
                .endsWith("the routes directory does not exist");
    }

    private static String route(String id, String configuration) {
        return "- route:\n    id: " + id + "\n"
                + (configuration == null ? "" : "    routeConfigurationId: " + configuration + "\n")
                + "    from:\n      uri: \"timer:tick\"\n      steps:\n        - log: \"tick\"\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(routes.resolve(name), content);
    }
}
