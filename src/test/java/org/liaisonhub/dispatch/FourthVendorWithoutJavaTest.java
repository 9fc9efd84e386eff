package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.support.DirectoryCopy;
import org.liaisonhub.support.FhirR4Validator;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemSearch;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.context.ConfigurableApplicationContext;

/** The worked example of docs/vendors.md, run as written: a fourth vendor from three files, no Java. */
class FourthVendorWithoutJavaTest {

    private static final Pattern EXAMPLE_FILE = Pattern.compile("<!-- file: (\\S+) -->\\s*```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void aPharmacyAddedByMappingRouteAndConfigurationReceivesValidDeliveryRequests() throws IOException {
        Map<String, String> example = exampleFiles();
        Path routes = DirectoryCopy.of(Path.of("routes"), work.resolve("routes"));
        Path mappings = DirectoryCopy.of(Path.of("mappings"), work.resolve("mappings"));
        for (String file : List.of("routes/vendor-pharmacy.camel.yaml", "mappings/medication-delivery.yaml")) {
            Files.writeString(work.resolve(file), example.get(file));
        }

        WireMockServer pharmacy = new WireMockServer(options().dynamicPort());
        pharmacy.start();
        pharmacy.stubFor(post(urlEqualTo("/deliveries")).willReturn(aResponse().withStatus(202)));
        List<String> args = new ArrayList<>(List.of("--hub.routes-dir=" + routes, "--hub.mappings.dir=" + mappings));
        example.get("config/pharmacy.properties").lines().filter(l -> l.contains("="))
                .map(l -> l.startsWith("hub.vendors.pharmacy.url=")
                        ? "hub.vendors.pharmacy.url=" + pharmacy.baseUrl() + "/deliveries" : l)
                .forEach(l -> args.add("--" + l));
        int port = TestIds.freePort();
        Fixtures patient = Fixtures.fresh().with("DISPOSITION", "01").with("DESTINATION", "");
        try (ConfigurableApplicationContext hub = HubProcess.start(work.resolve("data"), port,
                args.toArray(String[]::new))) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
                assertThat(ehr.send(patient.hl7("a03-discharge")).code()).isEqualTo("AA");
            }
            WorkItemRepository items = hub.getBean(WorkItemRepository.class);
            WorkItemSearch delivery = new WorkItemSearch("MEDICATION_DELIVERY", null, patient.get("MRN"), null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items.search(delivery,
                    FacilityScope.ALL, 0, 1).items()).extracting(WorkItem::status)
                    .containsExactly(WorkItemStatus.SENT));
        } finally {
            pharmacy.stop();
        }
        List<LoggedRequest> deliveries = pharmacy.findAll(postRequestedFor(urlEqualTo("/deliveries")));
        assertThat(deliveries).hasSize(1);
        String body = deliveries.get(0).getBodyAsString();
        assertThat(FhirR4Validator.errors(body)).as(body).isEmpty();
        assertThat(FhirJson.read(body).at("/entry/0/resource/eventCoding/code").asText())
                .isEqualTo("medication-delivery-request");
        assertThat(body).contains("\"code\":\"medication-delivery\"").contains("dischargedFrom.pointOfCare");
    }

    private static Map<String, String> exampleFiles() throws IOException {
        Matcher m = EXAMPLE_FILE.matcher(Files.readString(Path.of("docs/vendors.md")));
        Map<String, String> files = new LinkedHashMap<>();
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        assertThat(files).containsKeys("mappings/medication-delivery.yaml", "routes/vendor-pharmacy.camel.yaml",
                "config/pharmacy.properties");
        return files;
    }
}
