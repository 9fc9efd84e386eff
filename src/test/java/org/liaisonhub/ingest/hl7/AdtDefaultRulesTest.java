package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;

/** The shipped mapping rules (mappings/adt-liaison.yaml), driven through a real MLLP socket with HAPI's client. */
class AdtDefaultRulesTest extends HubIntegrationTest {

    @Test
    void admissionOfSpanishSpeakerWithTwoInsurancesCreatesInterpreterAndOneVerificationPerInsurance() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
        }

        JsonNode items = workItemsOf(patient.get("MRN"));
        assertThat(items).hasSize(3);
        JsonNode interpreter = only(items, "INTERPRETER");
        assertThat(interpreter.get("status").asText()).isEqualTo("NEW");
        assertThat(interpreter.get("visitNumber").asText()).isEqualTo(patient.get("VISIT"));
        assertThat(interpreter.at("/details/language").asText()).isEqualTo("SPA");
        assertThat(interpreter.at("/details/languageCode").asText()).isEqualTo("es");
        assertThat(interpreter.at("/details/room").asText()).isEqualTo("412");

        List<JsonNode> insurances = ofType(items, "INSURANCE_VERIFICATION");
        assertThat(insurances).extracting(i -> i.at("/details/payer/id").asText())
                .containsExactlyInAnyOrder("AETNA01", "MEDICARE");
        JsonNode aetna = insurances.stream().filter(i -> i.at("/details/payer/id").asText().equals("AETNA01"))
                .findFirst().orElseThrow();
        assertThat(aetna.get("key").asText()).isEqualTo("AETNA01|W123456789");
        assertThat(aetna.at("/details/memberId").asText()).isEqualTo("W123456789");
        assertThat(aetna.at("/details/plan/id").asText()).isEqualTo("PPO-GOLD");
        assertThat(aetna.at("/details/payer/name").asText()).isEqualTo("AETNA HEALTH INC");
        assertThat(aetna.at("/details/groupNumber").asText()).isEqualTo("GRP-5521");
        assertThat(aetna.at("/details/insured/family").asText()).isEqualTo("GARCIA");
        assertThat(aetna.at("/details/relationship").asText()).isEqualTo("SEL");
        assertThat(aetna.at("/details/effectiveDate").asText()).isEqualTo("2026-01-01");
        assertThat(aetna.at("/details/expirationDate").asText()).isEqualTo("2026-12-31");
        JsonNode medicare = insurances.stream().filter(i -> i.at("/details/payer/id").asText().equals("MEDICARE"))
                .findFirst().orElseThrow();
        assertThat(medicare.at("/details/memberId").asText()).as("IN1-49 when IN1-36 is empty")
                .isEqualTo("1EG4TE5MK73");
    }

    @Test
    void repeatedAdmissionUpdatesTheOpenItemsInsteadOfDoublingThem() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            patient.with("CONTROL_ID", TestIds.controlId());
            assertThat(ehr.send(patient.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
        }
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(3);
    }

    @Test
    void updateToAnotherLanguageUpdatesTheOpenInterpreterItemAndRecordsTheChange() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "VIE^Vietnamese");
            assertThat(ehr.send(patient.hl7("a08-update-language")).code()).isEqualTo("AA");
        }
        JsonNode interpreter = only(workItemsOf(patient.get("MRN")), "INTERPRETER");
        assertThat(interpreter.at("/details/language").asText()).isEqualTo("VIE");
        assertThat(interpreter.at("/details/languageCode").asText()).isEqualTo("vi");
        JsonNode history = getJson("/api/work-items/" + interpreter.get("id").asLong()).get("history");
        assertThat(history).extracting(h -> h.get("action").asText()).containsExactly("CREATED", "UPDATED");
        assertThat(history.get(1).at("/detail/changed/languageCode/from").asText()).isEqualTo("es");
        assertThat(history.get(1).at("/detail/changed/languageCode/to").asText()).isEqualTo("vi");
    }

    @Test
    void updateToEnglishCancelsTheOpenInterpreterItemOnly() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "eng^English");
            assertThat(ehr.send(patient.hl7("a08-update-language")).code()).isEqualTo("AA");
        }
        JsonNode items = workItemsOf(patient.get("MRN"));
        assertThat(only(items, "INTERPRETER").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(ofType(items, "INSURANCE_VERIFICATION")).allMatch(i -> i.get("status").asText().equals("NEW"));
    }

    @Test
    void visitNumberFallsBackToPid18AndVietnameseIsMappedToVi() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a04-register-visit-in-pid18")).code()).isEqualTo("AA");
        }
        JsonNode interpreter = only(workItemsOf(patient.get("MRN")), "INTERPRETER");
        assertThat(interpreter.get("visitNumber").asText()).isEqualTo(patient.get("VISIT"));
        assertThat(interpreter.at("/details/languageCode").asText()).isEqualTo("vi");
    }

    @Test
    void personWithoutVisitWhoseLanguageIsSentAsAWordGetsAnInterpreterItem() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a28-add-person-spanish")).code()).isEqualTo("AA");
        }
        JsonNode interpreter = only(workItemsOf(patient.get("MRN")), "INTERPRETER");
        assertThat(interpreter.get("visitNumber").isNull()).isTrue();
        assertThat(interpreter.at("/details/language").asText()).isEqualTo("Spanish");
        assertThat(interpreter.at("/details/languageCode").asText()).isEqualTo("es");
    }

    @Test
    void englishSpeakerWithoutInsuranceIsIgnoredAndCreatesNothing() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-english-no-insurance")).code()).isEqualTo("AA");
        }
        assertThat(workItemsOf(patient.get("MRN"))).isEmpty();
        JsonNode stored = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).get("items");
        assertThat(stored.get(0).get("status").asText()).isEqualTo("IGNORED");
    }

    @Test
    void dischargeToSkilledNursingFacilityCreatesTransportWithPickupAndDischargeTime() {
        Fixtures patient = discharge("03", "SUNRISE SNF");
        JsonNode transport = only(workItemsOf(patient.get("MRN")), "TRANSPORT");
        assertThat(transport.at("/details/disposition").asText()).isEqualTo("03");
        assertThat(transport.at("/details/destination").asText()).isEqualTo("SUNRISE SNF");
        assertThat(transport.at("/details/pickup/pointOfCare").asText()).isEqualTo("4WEST");
        assertThat(transport.at("/details/pickup/bed").asText()).isEqualTo("B");
        assertThat(transport.at("/details/dischargeTime").asText()).isEqualTo("2026-11-30T14:00:00-06:00");
    }

    @Test
    void dischargeHomeWithANamedDestinationCreatesTransport() {
        Fixtures patient = discharge("01", "DAUGHTER HOME");
        assertThat(only(workItemsOf(patient.get("MRN")), "TRANSPORT").at("/details/destination").asText())
                .isEqualTo("DAUGHTER HOME");
    }

    @Test
    void dischargeHomeWithoutDestinationNeedsNoTransport() {
        Fixtures patient = discharge("01", "");
        assertThat(workItemsOf(patient.get("MRN"))).isEmpty();
    }

    @Test
    void cancelledAdmissionCancelsEveryOpenItemOfTheVisit() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            patient.with("CONTROL_ID", TestIds.controlId());
            assertThat(ehr.send(patient.hl7("a11-cancel-admit")).code()).isEqualTo("AA");
        }
        JsonNode items = workItemsOf(patient.get("MRN"));
        assertThat(items).hasSize(3).allMatch(i -> i.get("status").asText().equals("CANCELLED"));
        JsonNode history = getJson("/api/work-items/" + items.get(0).get("id").asLong()).get("history");
        assertThat(history.get(history.size() - 1).at("/detail/reason").asText()).contains("A11");
    }

    @Test
    void cancelledDischargeCancelsOnlyTheTransport() {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            ehr.send(patient.hl7("a01-admit-spanish-two-insurances"));
            ehr.send(patient.with("CONTROL_ID", TestIds.controlId()).with("DISPOSITION", "03")
                    .with("DESTINATION", "SUNRISE SNF").hl7("a03-discharge"));
            patient.with("CONTROL_ID", TestIds.controlId());
            assertThat(ehr.send(patient.hl7("a13-cancel-discharge")).code()).isEqualTo("AA");
        }
        JsonNode items = workItemsOf(patient.get("MRN"));
        assertThat(only(items, "TRANSPORT").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(only(items, "INTERPRETER").get("status").asText()).isEqualTo("NEW");
    }

    private Fixtures discharge(String disposition, String destination) {
        Fixtures patient = Fixtures.fresh().with("DISPOSITION", disposition).with("DESTINATION", destination);
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a03-discharge")).code()).isEqualTo("AA");
        }
        return patient;
    }

    private static JsonNode only(JsonNode items, String type) {
        List<JsonNode> ofType = ofType(items, type);
        assertThat(ofType).as("work items of type " + type).hasSize(1);
        return ofType.get(0);
    }

    private static List<JsonNode> ofType(JsonNode items, String type) {
        List<JsonNode> matching = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("type").asText().equals(type)) {
                matching.add(item);
            }
        });
        return matching;
    }
}
