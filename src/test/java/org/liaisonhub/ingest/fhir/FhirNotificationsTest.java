package org.liaisonhub.ingest.fhir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Subscription notifications (R4 Subscriptions Backport) posted by the EHR to /api/fhir-notifications:
 * full-resource payloads processed as they come, id-only ones read from the EHR's FHIR server, heartbeats and
 * handshakes answered without creating anything.
 */
class FhirNotificationsTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EHR_BASE = "https://ehr.example.org/fhir/";

    @Test
    void aFullResourceNotificationIsProcessedAsItComes() {
        String mrn = TestIds.mrn();
        String subscription = "admissions-" + mrn;
        Bundle notification = notification(subscription, "event-notification", "Encounter/e-" + mrn);
        full(notification, patient("p-" + mrn, mrn, "es", "Spanish"));
        full(notification, encounter("e-" + mrn, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS));

        ResponseEntity<String> answer = post(notification);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        assertThat(outcome(answer).getIssueFirstRep().getSeverity())
                .isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        JsonNode stored = storedMessage("Subscription/" + subscription + ":1");
        assertThat(stored.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(stored.get("triggerEvent").asText()).isEqualTo("notification");
    }

    @Test
    void anIdOnlyNotificationIsReadFromTheEhrWithTheHubsCredentials() {
        String mrn = TestIds.mrn();
        ehrServes(encounter("e-" + mrn, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS));
        ehrServes(patient("p-" + mrn, mrn, "es", "Spanish"));
        Bundle notification = notification("admissions-" + mrn, "event-notification",
                EHR.baseUrl() + "/fhir/Encounter/e-" + mrn);
        notification.addEntry().setFullUrl(EHR.baseUrl() + "/fhir/Encounter/e-" + mrn)
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"))
                .getRequest().setMethod(HTTPVerb.PUT).setUrl("Encounter/e-" + mrn);

        ResponseEntity<String> answer = post(notification);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        EHR.verify(getRequestedFor(urlEqualTo("/fhir/Encounter/e-" + mrn))
                .withHeader("Authorization", equalTo("Bearer " + EHR_TOKEN)));
        EHR.verify(getRequestedFor(urlEqualTo("/fhir/Patient/p-" + mrn)));
    }

    @Test
    void anIdOnlyNotificationTheEhrCannotServeIsKeptInErrorAndProcessedOnReprocessing() {
        String mrn = TestIds.mrn();
        String subscription = "admissions-" + mrn;
        StubMapping down = EHR.stubFor(get(urlEqualTo("/fhir/Encounter/e-" + mrn)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        Bundle notification = notification(subscription, "event-notification", "Encounter/e-" + mrn);

        ResponseEntity<String> answer = post(notification);

        assertThat(answer.getStatusCode().value()).as("the EHR may send it again").isEqualTo(503);
        assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).contains("503");
        JsonNode stored = storedMessage("Subscription/" + subscription + ":1");
        assertThat(stored.get("status").asText()).isEqualTo("ERROR");

        EHR.removeStub(down);
        ehrServes(encounter("e-" + mrn, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS));
        ehrServes(patient("p-" + mrn, mrn, "es", "Spanish"));
        JsonNode reprocessed = read(httpPost("/api/messages/" + stored.get("id").asLong() + "/reprocess").getBody());

        assertThat(reprocessed.get("status").asText()).isEqualTo("PROCESSED");
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
    }

    @Test
    void heartbeatsAndHandshakesAreAnsweredAndCreateNothing() {
        for (String type : List.of("heartbeat", "handshake")) {
            String subscription = "admissions-" + TestIds.mrn();
            ResponseEntity<String> answer = post(notification(subscription, type, null));

            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).contains(type).contains("creates nothing");
            assertThat(storedMessage("Subscription/" + subscription + ":0").get("status").asText())
                    .isEqualTo("IGNORED");
        }
    }

    @Test
    void somethingElseThanANotificationIsRefusedInFhirTerms() {
        ResponseEntity<String> answer = post(new Bundle().setType(BundleType.TRANSACTION));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).contains("history");
    }

    /** A notification bundle as the backport IG shows it: the SubscriptionStatus first, then the resources. */
    private static Bundle notification(String subscription, String type, String focus) {
        Parameters status = new Parameters();
        status.getMeta().addProfile(
                "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4");
        status.addParameter().setName("subscription")
                .setValue(new Reference(EHR_BASE + "Subscription/" + subscription));
        status.addParameter().setName("topic").setValue(new org.hl7.fhir.r4.model.CanonicalType(
                "https://ehr.example.org/topics/admission"));
        status.addParameter().setName("status").setValue(new CodeType("active"));
        status.addParameter().setName("type").setValue(new CodeType(type));
        status.addParameter().setName("events-since-subscription-start")
                .setValue(new StringType(focus == null ? "0" : "1"));
        if (focus != null) {
            Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
            event.addPart().setName("event-number").setValue(new StringType("1"));
            event.addPart().setName("timestamp").setValue(new InstantType("2026-11-27T08:30:00-06:00"));
            event.addPart().setName("focus").setValue(new Reference(focus));
        }
        Bundle notification = new Bundle().setType(BundleType.HISTORY);
        notification.getTimestampElement().setValueAsString("2026-11-27T08:30:01-06:00");
        notification.addEntry().setFullUrl("urn:uuid:3b6c7f0e-1d2a-4e5b-8c9d-0a1b2c3d4e5f").setResource(status)
                .getRequest().setMethod(HTTPVerb.GET).setUrl(EHR_BASE + "Subscription/" + subscription + "/$status");
        notification.getEntryFirstRep().getResponse().setStatus("200");
        return notification;
    }

    private static void full(Bundle notification, Resource resource) {
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        notification.addEntry().setFullUrl(EHR_BASE + reference).setResource(resource)
                .getRequest().setMethod(HTTPVerb.PUT).setUrl(reference);
        notification.getEntry().get(notification.getEntry().size() - 1).getResponse().setStatus("200");
    }

    private static void ehrServes(Resource resource) {
        String path = "/fhir/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        EHR.stubFor(get(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + EHR_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody(FHIR.newJsonParser().encodeResourceToString(resource))));
    }

    private ResponseEntity<String> post(Bundle notification) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key(Role.EHR));
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.postForEntity("/api/fhir-notifications",
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(notification), headers), String.class);
    }

    private static OperationOutcome outcome(ResponseEntity<String> answer) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
    }
}
