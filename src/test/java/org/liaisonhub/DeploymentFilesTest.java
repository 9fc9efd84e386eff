package org.liaisonhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.VendorSettings;
import org.liaisonhub.support.ShippedVendors;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Dockerfile, checked where no Docker engine runs: the services of the demo with their
 * health checks and start order, files that exist, settings the hub reads, and an image that runs as a non-root
 * user with a health check.
 */
class DeploymentFilesTest {

    private static final Pattern HUB_SETTING = Pattern.compile("\\$\\{(HUB_[A-Z_]+):");
    /** A vendor's URL, which the hub binds to hub.vendors.<name>.url by Spring Boot's relaxed binding. */
    private static final Pattern VENDOR_URL = Pattern.compile("HUB_VENDORS_([A-Z]+)_URL");

    @Test
    @SuppressWarnings("unchecked")
    void composeBringsUpDatabaseBrokerHubAndVendorSimulatorInOrder() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "artemis", "vendor-simulator", "hub");
        assertThat(services.get("postgres")).containsKey("healthcheck");
        assertThat(services.get("artemis").get("image").toString()).startsWith("apache/activemq-artemis:");
        assertThat(services.get("artemis")).containsKey("healthcheck");
        assertThat(services.get("vendor-simulator").get("image").toString()).startsWith("wiremock/wiremock:");

        Map<String, Object> hub = services.get("hub");
        assertThat(hub.get("build")).isEqualTo(".");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) hub.get("depends_on");
        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("artemis")).containsEntry("condition", "service_healthy");

        for (Map<String, Object> service : services.values()) {
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Path.of(source)).as("mounted " + source).exists();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHubIsGivenSettingsItReadsAndVendorsTheSimulatorServes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> hub = ((Map<String, Map<String, Object>>) compose.get("services")).get("hub");
        Map<String, Object> environment = (Map<String, Object>) hub.get("environment");
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher read = HUB_SETTING.matcher(applicationYml);
        List<String> settings = read.results().map(m -> m.group(1)).toList();
        assertThat(settings).as("the environment variables application.yml reads")
                .containsAll(environment.keySet().stream().map(String::valueOf)
                        .filter(name -> !name.startsWith("HUB_VENDORS_")).toList());
        Map<String, VendorSettings.Vendor> vendors = ShippedVendors.in(Map.copyOf(environment)).vendors();
        environment.forEach((name, value) -> {
            Matcher url = VENDOR_URL.matcher(name);
            if (name.startsWith("HUB_VENDORS_")) {
                assertThat(url.matches()).as(name + ": the compose file sets vendors' URLs only").isTrue();
                assertThat(vendors.get(url.group(1).toLowerCase(Locale.ROOT)).url()).as(name + ", bound")
                        .hasToString(String.valueOf(value));
            }
        });
        assertThat(environment).containsEntry("HUB_BROKER_MODE", "native");

        ObjectMapper json = new ObjectMapper();
        List<String> served;
        try (Stream<Path> mappings = Files.list(Path.of("docker/vendor-simulator/mappings"))) {
            served = mappings.map(file -> readJson(json, file).at("/request/url").asText()).toList();
        }
        environment.entrySet().stream().filter(e -> VENDOR_URL.matcher(e.getKey()).matches())
                .forEach(e -> assertThat(served).contains(e.getValue().toString()
                        .replace("http://vendor-simulator:8080", "")));
    }

    @Test
    void theImageIsBuiltInStagesAndRunsAsANonRootUserWithAHealthCheck() throws IOException {
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        assertThat(dockerfile.stream().filter(l -> l.startsWith("FROM "))).hasSizeGreaterThanOrEqualTo(2);
        List<String> users = dockerfile.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("USER root", "USER 0");
        assertThat(String.join("\n", dockerfile)).contains("HEALTHCHECK").contains("/actuator/health")
                .contains("COPY routes routes").contains("COPY mappings mappings");
    }

    private static JsonNode readJson(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
