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
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Patient;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.FhirResources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The whole flow, happy and unhappy, with patient data found nowhere else: HL7 and FHIR in, work items, vendor
 * requests (one rejected with the data echoed back), an AE, rejections of unreadable and invalid input, references
 * the EHR cannot resolve, reprocessing, API reads. None of it may show up in the log output.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPhiInLogsTest extends FhirIntegrationTest {

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

    @Test
    void noPatientDataSentByFhirReachesTheLogs(CapturedOutput output) {
        Fixtures ids = Fixtures.fresh();
        String mrn = ids.get("MRN");
        Patient patient = FhirResources.patient("p-" + mrn, mrn, "es", "Spanish");
        patient.getNameFirstRep().setFamily("QUIXOTEZ").getGiven().get(0).setValue("ZEBEDIAH");
        patient.getBirthDateElement().setValueAsString("1901-12-31");
        ehr().update().resource(patient).execute();
        ehr().create().resource(FhirResources.encounter(null, ids.get("VISIT"), "Patient/p-" + mrn,
                EncounterStatus.INPROGRESS)).execute();
        sendFhir("/fhir/Patient", "{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"QUIXOTEZ\"}],"
                + " \"birthDate\": \"ZEBEDIAH-8675309\"}", 422);
        sendFhir("/fhir", "{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"QUIXOTEZ\": [", 400);
        sendFhir("/fhir/Coverage", "{\"resourceType\": \"Coverage\", \"status\": \"active\", \"subscriberId\":"
                + " \"MEMBERCANARY77\", \"beneficiary\": {\"reference\": \"Patient/CANARYWHARF\"},"
                + " \"payor\": [{\"display\": \"GOTHAMVILLE\"}]}", 422);
        sendFhir("/api/fhir-notifications", "{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": [{"
                + "\"fullUrl\": \"urn:uuid:3b6c7f0e-1d2a-4e5b-8c9d-0a1b2c3d4e5f\", \"resource\": {\"resourceType\":"
                + " \"Parameters\", \"parameter\": [{\"name\": \"type\", \"valueCode\": \"event-notification\"},"
                + " {\"name\": \"notification-event\", \"part\": [{\"name\": \"focus\", \"valueReference\":"
                + " {\"reference\": \"Encounter/GOTHAMVILLE\"}}]}]}, \"request\": {\"method\": \"GET\", \"url\":"
                + " \"Subscription/x/$status\"}, \"response\": {\"status\": \"200\"}}]}", 422);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workItemsOf(mrn))
                .extracting(i -> i.get("status").asText()).containsExactly("SENT"));

        String logs = output.getAll();
        for (String canary : CANARIES) {
            assertThat(logs).as("log output containing " + canary).doesNotContain(canary);
        }
        assertThat(logs).doesNotContain(mrn);
    }

    private void sendFhir(String path, String body, int expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key(Role.EHR));
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        assertThat(http.postForEntity(path, new HttpEntity<>(body, headers), String.class).getStatusCode().value())
                .as(path).isEqualTo(expected);
    }
}
