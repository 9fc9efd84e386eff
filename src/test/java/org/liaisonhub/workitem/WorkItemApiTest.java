package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The work list as liaisons use it: find items, read their history, move them along their lifecycle. */
class WorkItemApiTest extends HubIntegrationTest {

    @Test
    void workItemsCarryTheAgreedFieldsAndAreFilteredByTypeStatusMrnAndVisit() {
        Fixtures patient = admitted();
        JsonNode page = getJson("/api/work-items?type=INTERPRETER&status=NEW&mrn=" + patient.get("MRN")
                + "&visit=" + patient.get("VISIT"));
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode item = page.get("items").get(0);
        assertThat(item.fieldNames()).toIterable().contains("id", "type", "status", "mrn", "visitNumber", "details",
                "createdAt", "updatedAt", "sourceMessageId");
        assertThat(item.get("mrn").asText()).isEqualTo(patient.get("MRN"));
        assertThat(getJson("/api/work-items?type=TRANSPORT&mrn=" + patient.get("MRN")).get("total").asInt()).isZero();
        assertThat(getJson("/api/work-items?size=2&mrn=" + patient.get("MRN")).get("items")).hasSize(2);
    }

    @Test
    void workItemsCarryThePatientsFacilityAndUnitAndAreFilteredByThemAndByVendor() {
        Fixtures patient = admitted();
        String mine = "/api/work-items?type=INTERPRETER&mrn=" + patient.get("MRN");
        JsonNode item = getJson(mine).get("items").get(0);
        assertThat(item.get("location").get("facility").asText()).isEqualTo("GENHOSP");
        assertThat(item.get("location").get("unit").asText()).isEqualTo("4WEST");
        assertThat(getJson(mine + "&facility=GENHOSP&unit=4WEST").get("total").asInt()).isEqualTo(1);
        assertThat(getJson(mine + "&unit=5EAST").get("total").asInt()).isZero();
        assertThat(getJson(mine + "&facility=OTHERHOSP").get("total").asInt()).isZero();
        assertThat(getJson(mine + "&vendor=transport").get("total").asInt()).isZero();

        String moved = patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "SPA")
                .hl7("a08-update-language").replace("4WEST^412^B^GENHOSP", "5EAST^501^A^GENHOSP");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(moved).code()).isEqualTo("AA");
        }
        assertThat(getJson(mine + "&unit=5EAST").get("total").asInt()).as("a move follows the patient").isEqualTo(1);
        assertThat(getJson(mine + "&unit=4WEST").get("total").asInt()).isZero();
    }

    @Test
    void anItemShowsItsHistoryAndTheMessageThatCreatedIt() {
        Fixtures patient = admitted();
        JsonNode item = interpreterOf(patient);
        JsonNode detail = getJson("/api/work-items/" + item.get("id").asLong());
        long source = detail.get("sourceMessageId").asLong();
        assertThat(getJson("/api/messages/" + source).get("controlId").asText()).isEqualTo(patient.get("CONTROL_ID"));
        JsonNode created = detail.get("history").get(0);
        assertThat(created.get("action").asText()).isEqualTo("CREATED");
        assertThat(created.get("toStatus").asText()).isEqualTo("NEW");
        assertThat(created.get("actor").asText()).isEqualTo("adt-liaison/interpreter");
        assertThat(created.get("messageId").asLong()).isEqualTo(source);
    }

    @Test
    void aLiaisonAssignsAnnotatesAndCompletesAnItemAndEveryChangeIsRecorded() {
        long id = interpreterOf(admitted()).get("id").asLong();

        ResponseEntity<String> assigned = patch("/api/work-items/" + id,
                "{\"assignee\": \"jdoe\", \"note\": \"Called the interpreter desk\"}");
        assertThat(assigned.getStatusCode().value()).isEqualTo(200);
        assertThat(read(assigned.getBody()).get("assignee").asText()).isEqualTo("jdoe");

        ResponseEntity<String> completed = patch("/api/work-items/" + id,
                "{\"status\": \"COMPLETED\", \"note\": \"Interpreter booked for 10:00\"}");
        assertThat(completed.getStatusCode().value()).isEqualTo(200);
        JsonNode item = read(completed.getBody());
        assertThat(item.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("CREATED", "NOTE", "ASSIGNED", "STATUS_CHANGED");
        JsonNode change = item.get("history").get(3);
        assertThat(change.get("fromStatus").asText()).isEqualTo("NEW");
        assertThat(change.get("toStatus").asText()).isEqualTo("COMPLETED");
        assertThat(change.at("/detail/note").asText()).isEqualTo("Interpreter booked for 10:00");
    }

    @Test
    void theHistoryNamesTheCallerWhoseKeyMadeTheChange() {
        long id = interpreterOf(admitted()).get("id").asLong();
        HttpHeaders liaison = new HttpHeaders();
        liaison.setBearerAuth(key(Role.LIAISON));
        liaison.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> noted = http.exchange("/api/work-items/" + id, HttpMethod.PATCH,
                new HttpEntity<>("{\"note\": \"Desk called back\"}", liaison), String.class);

        assertThat(noted.getStatusCode().value()).isEqualTo(200);
        JsonNode note = read(noted.getBody()).get("history").get(1);
        assertThat(note.get("action").asText()).isEqualTo("NOTE");
        assertThat(note.get("actor").asText()).isEqualTo("test-liaison");
    }

    @Test
    void aCompletedItemIsNotReopenedByTheNextUpdateOfThePatient() {
        Fixtures patient = admitted();
        long id = interpreterOf(patient).get("id").asLong();
        patch("/api/work-items/" + id, "{\"status\": \"COMPLETED\"}");
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.with("CONTROL_ID", org.liaisonhub.support.TestIds.controlId())
                    .with("LANGUAGE", "SPA^Spanish").hl7("a08-update-language"));
        }
        assertThat(getJson("/api/work-items?type=INTERPRETER&mrn=" + patient.get("MRN")).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void anIllegalTransitionIsAConflictWithAProblemBody() {
        long id = interpreterOf(admitted()).get("id").asLong();
        patch("/api/work-items/" + id, "{\"status\": \"CANCELLED\"}");

        ResponseEntity<String> reopened = patch("/api/work-items/" + id, "{\"status\": \"COMPLETED\"}");
        assertThat(reopened.getStatusCode().value()).isEqualTo(409);
        assertThat(reopened.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = read(reopened.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("Illegal status transition");
        assertThat(problem.get("currentStatus").asText()).isEqualTo("CANCELLED");
        assertThat(problem.get("requestedStatus").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void statusesOwnedByVendorDispatchCannotBeSetByHand() {
        long id = interpreterOf(admitted()).get("id").asLong();
        ResponseEntity<String> response = patch("/api/work-items/" + id, "{\"status\": \"QUEUED\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(read(response.getBody()).get("detail").asText()).contains("set by vendor dispatch");
    }

    @Test
    void anUnknownStatusOrFieldIsABadRequestAndAnUnknownItemIsNotFound() {
        long id = interpreterOf(admitted()).get("id").asLong();
        assertThat(patch("/api/work-items/" + id, "{\"status\": \"DONE\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(patch("/api/work-items/" + id, "{\"asignee\": \"jdoe\"}").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> missing = patch("/api/work-items/987654321", "{\"status\": \"COMPLETED\"}");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void aNoteOrAssigneeLongerThanItsLimitIsRefusedAndNothingChanges() {
        long id = interpreterOf(admitted()).get("id").asLong();
        ResponseEntity<String> tooLong = patch("/api/work-items/" + id,
                "{\"note\": \"" + "n".repeat(WorkItemPatch.LONGEST_NOTE + 1) + "\"}");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(read(tooLong.getBody()).get("detail").asText()).contains("at most " + WorkItemPatch.LONGEST_NOTE);
        assertThat(patch("/api/work-items/" + id, "{\"assignee\": \"" + "a".repeat(101) + "\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(getJson("/api/work-items/" + id).get("history")).noneSatisfy(change ->
                assertThat(change.toString()).contains("nnnnnnnnnn"));
    }

    private Fixtures admitted() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
        }
        return patient;
    }

    private JsonNode interpreterOf(Fixtures patient) {
        return getJson("/api/work-items?type=INTERPRETER&mrn=" + patient.get("MRN")).get("items").get(0);
    }
}
