package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.coverage;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;
import static org.liaisonhub.support.FhirResources.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The FHIR server at /fhir as a FHIR client sees it: what it says it takes, formats, errors, reprocessing. */
class FhirEndpointTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Set<String> TAKEN = Set.of("Patient", "Encounter", "Coverage", "ServiceRequest",
            "Appointment", "Organization", "Location", "Practitioner", "PractitionerRole", "RelatedPerson");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCapabilityStatementReadByHapisClientSaysExactlyWhatIsTaken() {
        CapabilityStatement statement = ehr().capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).contains("application/fhir+json",
                "application/fhir+xml");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                .containsExactlyInAnyOrderElementsOf(TAKEN);
        for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
                    .as(resource.getType()).containsExactlyInAnyOrder("create", "update");
            assertThat(resource.getUpdateCreate()).isTrue();
            assertThat(resource.getConditionalCreate()).isFalse();
        }
        assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("transaction", "batch");
    }

    @Test
    void xmlAndJsonAreBothTakenAndAnsweredInTheFormatAskedFor() {
        String mrn = TestIds.mrn();
        IGenericClient xml = ehr();
        xml.setEncoding(EncodingEnum.XML);
        MethodOutcome patient = xml.update().resource(patient("p-" + mrn, mrn, "es", "Spanish")).execute();
        ehr().create().resource(encounter(null, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS))
                .execute();

        assertThat(patient.getCreated()).isTrue();
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        JsonNode stored = storedMessage("Patient/p-" + mrn);
        assertThat(getJson("/api/messages/" + stored.get("id").asLong()).get("raw").asText()).startsWith("<");

        HttpHeaders accept = ehrHeaders(null);
        accept.setAccept(List.of(MediaType.parseMediaType("application/fhir+xml")));
        ResponseEntity<String> byAccept = http.exchange("/fhir/metadata", HttpMethod.GET, new HttpEntity<>(accept),
                String.class);
        assertThat(byAccept.getHeaders().getContentType().toString()).startsWith("application/fhir+xml");
        ResponseEntity<String> byFormat = http.exchange("/fhir/metadata?_format=json", HttpMethod.GET,
                new HttpEntity<>(accept), String.class);
        assertThat(byFormat.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
    }

    @Test
    void anUnreadableBodyIsAnswered400AndStillKept() {
        String requestId = TestIds.controlId();

        ResponseEntity<String> answer = send(HttpMethod.POST, "/fhir/Patient", "{\"resourceType\": \"Patient\", ",
                requestId);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).contains("Failed to parse");
        JsonNode stored = storedMessage(requestId);
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED");
        assertThat(stored.get("errorCode").asText()).isEqualTo("400");
    }

    @Test
    void anUnreadableBundleIsAnswered400AndStillKept() {
        String requestId = TestIds.controlId();

        ResponseEntity<String> answer = send(HttpMethod.POST, "/fhir", "{\"resourceType\": \"Bundle\", \"type\": [",
                requestId);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(outcome(answer).getIssue()).isNotEmpty();
        JsonNode stored = storedMessage(requestId);
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED");
        assertThat(stored.get("triggerEvent").asText()).isEqualTo("bundle");
    }

    @Test
    void anInvalidResourceIsAnswered422NamingTheProblemAndWhereItIs() {
        String requestId = TestIds.controlId();

        ResponseEntity<String> answer = send(HttpMethod.POST, "/fhir/Patient",
                "{\"resourceType\": \"Patient\", \"gender\": \"f\", \"birthDate\": \"1958-02-30\"}", requestId);

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(outcome(answer).getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .contains("Patient.gender", "Patient.birthDate");
        assertThat(storedMessage(requestId).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aBodyThatIsNotTheResourceTheUrlNamesIsRefused() {
        String mrn = TestIds.mrn();
        String encounter = FHIR.newJsonParser().encodeResourceToString(
                encounter("e-" + mrn, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS));
        assertThat(send(HttpMethod.POST, "/fhir/Patient", encounter, null).getStatusCode().value()).isEqualTo(400);

        String patient = FHIR.newJsonParser().encodeResourceToString(patient("p-" + mrn, mrn, "es", "Spanish"));
        ResponseEntity<String> otherId = send(HttpMethod.PUT, "/fhir/Patient/someone-else", patient, null);
        assertThat(otherId.getStatusCode().value()).isEqualTo(400);
        assertThat(outcome(otherId).getIssueFirstRep().getDiagnostics()).contains("someone-else");
        assertThat(workItemsOf(mrn)).isEmpty();
    }

    @Test
    void aTypeTheHubDoesNotTakeIsRefusedAndKept() {
        String requestId = TestIds.controlId();

        ResponseEntity<String> answer = send(HttpMethod.POST, "/fhir/Observation",
                "{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"text\": \"x\"}}", requestId);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(outcome(answer).getIssueFirstRep().getDiagnostics()).contains("Observation");
        assertThat(storedMessage(requestId).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void anAnonymousHapiClientReadsTheCapabilityStatementAndIsRefusedEverythingElse() {
        IGenericClient anonymous = FhirContext.forR4().newRestfulGenericClient(fhirBase());

        CapabilityStatement statement = anonymous.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(statement.getRestFirstRep().getSecurity().getDescription()).contains("Authorization: Bearer");

        AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                () -> anonymous.create().resource(patient("p-" + TestIds.mrn(), TestIds.mrn(), "es", "Spanish"))
                        .execute());
        assertThat(refused.getStatusCode()).as("past the client's own metadata check, refused by the hub")
                .isEqualTo(401);
    }

    @Test
    void callersWithoutTheEhrRoleAreAnsweredWithAnOperationOutcome() {
        HttpHeaders anonymous = new HttpHeaders();
        anonymous.setContentType(MediaType.parseMediaType("application/fhir+json"));
        anonymous.set(NO_CREDENTIALS, "true");
        ResponseEntity<String> unauthenticated = http.exchange("/fhir/Patient", HttpMethod.POST,
                new HttpEntity<>("{\"resourceType\": \"Patient\"}", anonymous), String.class);
        assertThat(unauthenticated.getStatusCode().value()).isEqualTo(401);
        assertThat(outcome(unauthenticated).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);

        HttpHeaders liaison = ehrHeaders(null);
        liaison.setBearerAuth(key(Role.LIAISON));
        ResponseEntity<String> forbidden = http.exchange("/fhir/Patient", HttpMethod.POST,
                new HttpEntity<>("{\"resourceType\": \"Patient\"}", liaison), String.class);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(outcome(forbidden).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    }

    @Test
    void aCoverageForAPatientNotYetKnownIsKeptInErrorAndProcessedOnceThePatientIs() {
        String mrn = TestIds.mrn();
        String requestId = TestIds.controlId();
        ehr().update().resource(payer("aetna-" + mrn, "AETNA01", "AETNA HEALTH INC")).execute();
        String coverage = FHIR.newJsonParser().encodeResourceToString(
                coverage(null, "Patient/p-" + mrn, "Organization/aetna-" + mrn, "W123456789"));

        ResponseEntity<String> answer = send(HttpMethod.POST, "/fhir/Coverage", coverage, requestId);

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(outcome(answer).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Coverage.beneficiary");
        JsonNode stored = storedMessage(requestId);
        assertThat(stored.get("status").asText()).isEqualTo("ERROR");

        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();
        for (int time = 1; time <= 2; time++) {
            JsonNode reprocessed = read(httpPost("/api/messages/" + stored.get("id").asLong() + "/reprocess")
                    .getBody());
            assertThat(reprocessed.get("status").asText()).isEqualTo("PROCESSED");
            assertThat(reprocessed.get("reprocessCount").asInt()).isEqualTo(time);
        }
        await().atMost(PATIENCE).until(() -> itemsOf(mrn),
                items -> items.equals(List.of("INSURANCE_VERIFICATION SENT")));
        assertThat(jdbc.queryForObject("select count(*) from fhir_resource where resource_id = ?", Integer.class,
                "lh-" + stored.get("id").asLong() + "-0")).as("the same Coverage both times").isEqualTo(1);
    }

    @Test
    void anEntryOfATransactionThatAMappingCannotUseIsAnswered422() {
        String mrn = TestIds.mrn();
        UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class,
                () -> ehr().create().resource(coverage(null, "Patient/p-" + mrn, "Organization/none", "W1"))
                        .execute());
        assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("not known to the hub");
    }

    @Test
    void theReadmeSamplesOpenAnInterpreterItemForTheVisit() throws IOException {
        HttpHeaders asAdmin = new HttpHeaders();
        asAdmin.setContentType(MediaType.parseMediaType("application/fhir+json"));
        ResponseEntity<String> patient = http.exchange("/fhir/Patient/p900456", HttpMethod.PUT, new HttpEntity<>(
                Files.readString(Path.of("samples/fhir/patient-spanish-speaker.json")), asAdmin), String.class);
        ResponseEntity<String> encounter = http.exchange("/fhir/Encounter", HttpMethod.POST, new HttpEntity<>(
                Files.readString(Path.of("samples/fhir/encounter-admitted.json")), asAdmin), String.class);

        assertThat(patient.getStatusCode().value()).as(patient.getBody()).isIn(200, 201);
        assertThat(encounter.getStatusCode().value()).as(encounter.getBody()).isEqualTo(201);
        JsonNode item = getJson("/api/work-items?mrn=900456&visit=VN77002").at("/items/0");
        assertThat(item.get("type").asText()).isEqualTo("INTERPRETER");
        assertThat(item.at("/details/languageCode").asText()).isEqualTo("es");
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String requestId) {
        return http.exchange(path, method, new HttpEntity<>(body, ehrHeaders(requestId)), String.class);
    }

    private static HttpHeaders ehrHeaders(String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key(Role.EHR));
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        return headers;
    }

    private static OperationOutcome outcome(ResponseEntity<String> answer) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
    }

}
