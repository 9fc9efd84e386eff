package org.liaisonhub.ingest.hl7;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.VendorIntegrationTest;

/**
 * A patient moved during the stay (A02, cancelled by A12) or changing class (A06, A07): the interpreter's agency
 * learns the new room, and every open item of the visit shows where the patient is, so that the work list's unit
 * filter follows the patient. The admission (a Spanish speaker in 4WEST 412-B with two insurances) comes first.
 */
class TransfersTest extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aTransferMovesTheInterpreterToTheNewRoomAndItsCancelMovesItBack() {
        Fixtures patient = admitted();
        await().atMost(PATIENCE).until(() -> requests(patient).size() == 1);

        send(event(patient, "A02").replace("4WEST^412^B^GENHOSP", "5EAST^501^A^GENHOSP"));

        JsonNode interpreter = item(patient, "INTERPRETER");
        assertThat(interpreter.at("/details/pointOfCare").asText()).isEqualTo("5EAST");
        assertThat(interpreter.at("/details/room").asText()).isEqualTo("501");
        assertThat(interpreter.at("/location/unit").asText()).isEqualTo("5EAST");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoggedRequest> sent = requests(patient);
            assertThat(sent).hasSize(2);
            sent.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
            assertThat(sent.get(1).getBodyAsString()).as("the agency learns the new room").contains("5EAST 501-A");
        });
        JsonNode insurance = item(patient, "INSURANCE_VERIFICATION");
        assertThat(insurance.at("/location/unit").asText()).as("the other items follow the patient too")
                .isEqualTo("5EAST");
        assertThat(actions(getJson("/api/work-items/" + insurance.get("id").asLong()))).contains("UPDATED");
        assertThat(getJson("/api/work-items?unit=5EAST&mrn=" + patient.get("MRN")).get("total").asInt())
                .isEqualTo(3);

        send(event(patient, "A12"));
        assertThat(item(patient, "INTERPRETER").at("/details/room").asText()).isEqualTo("412");
        assertThat(getJson("/api/work-items?unit=4WEST&mrn=" + patient.get("MRN")).get("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void aChangeOfPatientClassReachesEveryOpenItemOfTheVisit() {
        Fixtures patient = admitted();
        send(event(patient, "A07").replace("PV1|1|I|", "PV1|1|O|"));
        for (String type : new String[] {"INTERPRETER", "INSURANCE_VERIFICATION"}) {
            assertThat(item(patient, type).at("/patient/patientClass").asText()).as(type).isEqualTo("O");
        }
    }

    private Fixtures admitted() {
        Fixtures patient = Fixtures.fresh();
        send(patient.hl7("a01-admit-spanish-two-insurances"));
        return patient;
    }

    /** The patient's A08 fixture as another event of the same visit, with a control id of its own. */
    private static String event(Fixtures patient, String event) {
        return patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "SPA^Spanish")
                .hl7("a08-update-language").replace("ADT^A08^ADT_A01", "ADT^" + event)
                .replace("EVN|A08|", "EVN|" + event + "|");
    }

    private void send(String message) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo("AA");
        }
    }

    private JsonNode item(Fixtures patient, String type) {
        return getJson("/api/work-items?type=" + type + "&mrn=" + patient.get("MRN")).at("/items/0");
    }

    private static List<String> actions(JsonNode item) {
        return StreamSupport.stream(item.get("history").spliterator(), false).map(h -> h.get("action").asText())
                .toList();
    }

    private static List<LoggedRequest> requests(Fixtures patient) {
        return new ArrayList<>(VENDOR.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                .withRequestBody(containing(patient.get("MRN")))));
    }
}
