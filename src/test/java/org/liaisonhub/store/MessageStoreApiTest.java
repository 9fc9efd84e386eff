package org.liaisonhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.http.ResponseEntity;

/** The message store API as an integration engineer uses it: search, inspect, reprocess. */
class MessageStoreApiTest extends HubIntegrationTest {

    @Test
    void aStoredMessageShowsItsEnvelopeOutcomeRawTextAndEffects() {
        Fixtures patient = Fixtures.fresh();
        String message = patient.hl7("a01-admit-spanish-two-insurances");
        send(message);

        JsonNode summary = only(getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")));
        assertThat(summary.get("channel").asText()).isEqualTo("HL7V2");
        assertThat(summary.get("sendingApplication").asText()).isEqualTo("EPIC^1.2.840.114350^ISO");
        assertThat(summary.get("sendingFacility").asText()).isEqualTo("GENHOSP");
        assertThat(summary.get("messageType").asText()).isEqualTo("ADT");
        assertThat(summary.get("triggerEvent").asText()).isEqualTo("A01");
        assertThat(summary.get("version").asText()).isEqualTo("2.5.1");
        assertThat(summary.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(summary.get("remoteAddress").asText()).startsWith("127.0.0.1:");
        assertThat(summary.has("raw")).as("lists leave the raw text out").isFalse();

        JsonNode detail = getJson("/api/messages/" + summary.get("id").asLong());
        assertThat(detail.get("raw").asText()).isEqualTo(message);
        assertThat(detail.get("effects")).hasSize(3)
                .allMatch(e -> e.get("action").asText().equals("CREATED"));
    }

    @Test
    void messagesAreFoundByStatusTypeAndReceivedTimeAndListedPage() {
        Instant before = Instant.now();
        Fixtures rejected = Fixtures.fresh();
        Fixtures admitted = Fixtures.fresh().with("VERSION", "2.5.1");
        send(rejected.hl7("oru-r01-result"));
        send(admitted.hl7("a01-admit-interpreter"));
        send(admitted.with("CONTROL_ID", TestIds.controlId()).hl7("a01-admit-interpreter"));
        String window = "&from=" + before + "&to=" + Instant.now().plusSeconds(1);

        JsonNode all = getJson("/api/messages?size=1" + window);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("items")).hasSize(1);
        assertThat(getJson("/api/messages?page=2&size=1" + window).get("items")).hasSize(1);
        assertThat(getJson("/api/messages?status=REJECTED" + window).get("total").asInt()).isEqualTo(1);
        assertThat(getJson("/api/messages?type=ORU" + window).get("total").asInt()).isEqualTo(1);
        assertThat(getJson("/api/messages?type=ADT^A01" + window).get("total").asInt()).isEqualTo(2);
        assertThat(getJson("/api/messages?type=ADT^A08" + window).get("total").asInt()).isZero();
    }

    @Test
    void messagesAreFoundByPatientSenderFacilityChannelAndErrorCodeOldestFirstOnRequest() {
        Instant before = Instant.now();
        Fixtures admitted = Fixtures.fresh().with("VERSION", "2.5.1");
        Fixtures unusable = Fixtures.fresh();
        send(admitted.hl7("a01-admit-interpreter"));
        send(admitted.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "SPA^Spanish")
                .hl7("a08-update-language"));
        send(unusable.hl7("a01-no-mrn"));
        String window = "&from=" + before + "&to=" + Instant.now().plusSeconds(1);

        JsonNode patients = getJson("/api/messages?mrn=" + admitted.get("MRN") + "&sort=oldest" + window);
        assertThat(patients.get("items")).extracting(m -> m.get("triggerEvent").asText())
                .as("the patient's messages, oldest first").containsExactly("A01", "A08");
        assertThat(patients.get("items").get(0).get("patientMrn").asText()).isEqualTo(admitted.get("MRN"));
        JsonNode inError = only(getJson("/api/messages?controlId=" + unusable.get("CONTROL_ID")));
        String errorCode = inError.get("errorCode").asText();
        assertThat(getJson("/api/messages?errorCode=" + errorCode + window).get("items"))
                .extracting(m -> m.get("id").asLong()).contains(inError.get("id").asLong());
        assertThat(getJson("/api/messages?facility=GENHOSP&channel=HL7V2" + window).get("total").asInt())
                .isEqualTo(3);
        assertThat(getJson("/api/messages?facility=ELSEWHERE" + window).get("total").asInt()).isZero();
        assertThat(getJson("/api/messages?channel=FHIR" + window).get("total").asInt()).isZero();
    }

    @Test
    void reprocessingAProcessedMessageNeverDoublesWork() {
        Fixtures patient = Fixtures.fresh();
        send(patient.hl7("a01-admit-spanish-two-insurances"));
        long id = only(getJson("/api/messages?controlId=" + patient.get("CONTROL_ID"))).get("id").asLong();

        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> response = http.postForEntity("/api/messages/" + id + "/reprocess", null,
                    String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(read(response.getBody()).get("status").asText()).isEqualTo("PROCESSED");
        }
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(3);
        assertThat(getJson("/api/messages/" + id).get("reprocessCount").asInt()).isEqualTo(2);
    }

    @Test
    void reprocessingAnAdmissionAfterItsCancellationDoesNotReopenTheWork() {
        Fixtures patient = Fixtures.fresh();
        send(patient.hl7("a01-admit-spanish-two-insurances"));
        long admission = only(getJson("/api/messages?controlId=" + patient.get("CONTROL_ID"))).get("id").asLong();
        send(patient.with("CONTROL_ID", TestIds.controlId()).hl7("a11-cancel-admit"));

        http.postForEntity("/api/messages/" + admission + "/reprocess", null, String.class);

        JsonNode items = workItemsOf(patient.get("MRN"));
        assertThat(items).hasSize(3).allMatch(i -> i.get("status").asText().equals("CANCELLED"));
    }

    @Test
    void aMessageInErrorCanBeReprocessedAndStaysInErrorWhileItsDataIsWrong() {
        Fixtures patient = Fixtures.fresh();
        send(patient.hl7("a01-no-mrn"));
        long id = only(getJson("/api/messages?controlId=" + patient.get("CONTROL_ID"))).get("id").asLong();

        JsonNode after = read(http.postForEntity("/api/messages/" + id + "/reprocess", null, String.class).getBody());
        assertThat(after.get("status").asText()).isEqualTo("ERROR");
        assertThat(after.get("errorCode").asText()).isEqualTo("101");
        assertThat(after.get("reprocessCount").asInt()).isEqualTo(1);
    }

    @Test
    void aDuplicateIsAcknowledgedStoredAsDuplicateAndCreatesNothing() {
        Fixtures patient = Fixtures.fresh();
        send(patient.hl7("a01-admit-spanish-two-insurances"));
        send(patient.hl7("a01-admit-spanish-two-insurances"));

        JsonNode stored = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).get("items");
        assertThat(stored).extracting(m -> m.get("status").asText())
                .containsExactlyInAnyOrder("PROCESSED", "DUPLICATE");
        JsonNode duplicate = stored.get(0).get("status").asText().equals("DUPLICATE") ? stored.get(0) : stored.get(1);
        JsonNode original = duplicate == stored.get(0) ? stored.get(1) : stored.get(0);
        assertThat(duplicate.get("duplicateOf").asLong()).isEqualTo(original.get("id").asLong());
        assertThat(duplicate.get("ackCode").asText()).isEqualTo("AA");
        assertThat(getJson("/api/messages/" + duplicate.get("id").asLong()).get("effects")).isEmpty();
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(3);
    }

    @Test
    void theSameControlIdFromAnotherFacilityIsNotADuplicate() {
        Fixtures patient = Fixtures.fresh();
        String message = patient.hl7("a01-admit-spanish-two-insurances");
        send(message);
        send(message.replace("|GENHOSP|LIAISONHUB|", "|NORTHCLINIC|LIAISONHUB|"));
        assertThat(getJson("/api/messages?status=PROCESSED&controlId=" + patient.get("CONTROL_ID")).get("total")
                .asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownMessageIsAProblem404() {
        ResponseEntity<String> response = http.getForEntity("/api/messages/987654321", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(read(response.getBody()).get("detail").asText()).contains("987654321");
    }

    @Test
    void aBadFilterIsAProblem400() {
        ResponseEntity<String> response = http.getForEntity("/api/messages?status=LOST", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(http.getForEntity("/api/messages?size=100000", String.class).getStatusCode().value())
                .isEqualTo(400);
    }

    private void send(String message) {
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ehr.send(message);
        }
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("items")).hasSize(1);
        return page.get("items").get(0);
    }
}
