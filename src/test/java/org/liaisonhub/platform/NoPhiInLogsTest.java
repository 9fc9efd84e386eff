package org.liaisonhub.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.VendorIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole flow, happy and unhappy, with patient data found nowhere else: HL7 in, work items, vendor requests
 * (one rejected with the data echoed back), an AE, a rejection, reprocessing, API reads. None of it may show up
 * in the log output.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPhiInLogsTest extends VendorIntegrationTest {

    private static final List<String> CANARIES = List.of("QUIXOTEZ", "ZEBEDIAH", "19011231", "1901-12-31",
            "CANARYWHARF", "GOTHAMVILLE", "8675309", "MEMBERCANARY77", "GRPCANARY42");

    @Test
    void noPatientDataReachesTheLogsAnywhereInTheFlow(CapturedOutput output) {
        Fixtures patient = Fixtures.fresh();
        String mrn = patient.get("MRN");
        // the insurer rejects the request and echoes the patient's data in its answer
        VENDOR.stubFor(post(urlEqualTo("/insurance")).atPriority(1).withRequestBody(containing(mrn))
                .willReturn(aResponse().withStatus(400).withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":"
                        + "[{\"severity\":\"error\",\"code\":\"invalid\",\"diagnostics\":\"no coverage for QUIXOTEZ "
                        + "ZEBEDIAH born 1901-12-31, member MEMBERCANARY77\"}]}")));
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-phi-canary")).code()).isEqualTo("AA");
            String noMrn = patient.with("CONTROL_ID", patient.get("CONTROL_ID") + "X").hl7("a01-phi-canary")
                    .replace(mrn + "^^^GENHOSP^MR", "");
            assertThat(ehr.send(noMrn).code()).isEqualTo("AE");
        }
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            assertThat(ehr.send("QUIXOTEZ ZEBEDIAH 19011231 not even HL7").code()).isEqualTo("AR");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workItemsOf(mrn))
                .extracting(i -> i.get("status").asText()).containsExactlyInAnyOrder("SENT", "FAILED"));
        long messageId = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).at("/items/0/id").asLong();
        httpPost("/api/messages/" + messageId + "/reprocess");
        getJson("/api/messages/" + messageId);
        workItemsOf(mrn).forEach(item -> getJson("/api/work-items/" + item.get("id").asLong()));
        getJson("/api/dead-letters?replayed=false");

        String logs = output.getAll();
        assertThat(logs).as("the flow ran and logged").contains("dead-lettered");
        for (String canary : CANARIES) {
            assertThat(logs).as("log output containing " + canary).doesNotContain(canary);
        }
    }
}
