package org.liaisonhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;

/**
 * Post-discharge care as the EHR asks for it: HL7 referrals (REF^I12/I13/I14) over the real MLLP socket, a discharge
 * to home health care (A03), and FHIR ServiceRequests with HAPI's generic client. No vendor is configured for these
 * kinds of care here, so the items stay with the liaison (NEW).
 */
class ReferralsTest extends FhirIntegrationTest {

    private static final String SNOMED = "http://snomed.info/sct";

    @Test
    void aHomeCareReferralIsOpenedUpdatedAndCancelledOverHl7() {
        Fixtures referral = Fixtures.fresh().with("EVENT", "I12").with("REFERRAL_TYPE", "HOM")
                .with("REFERRAL_TEXT", "Home care").with("REFERRAL", "R-" + TestIds.controlId()).with("STATUS", "A");
        send(referral.hl7("ref-referral"));
        JsonNode homeCare = only(referral.get("MRN"));
        assertThat(homeCare.get("type").asText()).isEqualTo("HOME_CARE");
        assertThat(homeCare.get("status").asText()).isEqualTo("NEW");
        assertThat(homeCare.get("priority").asText()).isEqualTo("stat");
        assertThat(homeCare.at("/details/referredTo/family").asText()).isEqualTo("SUNSHINE HOME HEALTH");

        send(referral.with("CONTROL_ID", TestIds.controlId()).with("EVENT", "I13").hl7("ref-referral")
                .replace("|20261205||", "|20261207||"));
        JsonNode modified = getJson("/api/work-items/" + homeCare.get("id").asLong());
        assertThat(modified.at("/details/referral/effectiveDate").asText()).isEqualTo("2026-12-07");
        assertThat(actions(modified)).contains("UPDATED");

        send(referral.with("CONTROL_ID", TestIds.controlId()).with("EVENT", "I14").hl7("ref-referral"));
        assertThat(only(referral.get("MRN")).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aDischargeToHomeHealthCareOpensHomeCareWithTheRideHome() {
        Fixtures discharge = Fixtures.fresh().with("DISPOSITION", "06").with("DESTINATION", "");
        send(discharge.hl7("a03-discharge"));
        assertThat(itemsOf(discharge.get("MRN"))).hasSize(2).contains("HOME_CARE NEW")
                .anyMatch(item -> item.startsWith("TRANSPORT "));
    }

    @Test
    void serviceRequestsOfEachKindOfCareOpenItsItemAndARevokedOneCancelsIt() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();
        ehr().update().resource(encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS))
                .execute();
        List<ServiceRequest> requests = List.of(
                request(mrn, "417511005", "Referral to home health care service"),
                request(mrn, "308447003", "Referral to physiotherapist"),
                request(mrn, "308452008", "Referral to speech and language therapist"),
                request(mrn, "103699006", "Patient referral to dietitian"),
                request(mrn, "DME", "Wheelchair").setCategory(List.of()));
        requests.get(4).getCode().getCodingFirstRep().setSystem("https://hospital.example.org/service");
        requests.forEach(request -> ehr().update().resource(request).execute());

        List<String> opened = new ArrayList<>();
        workItemsOf(mrn).forEach(i -> opened.add(i.get("type").asText() + " " + i.get("key").asText() + " "
                + i.get("visitNumber").asText() + " " + i.get("priority").asText()));
        assertThat(opened).containsExactlyInAnyOrder("HOME_CARE  " + visit + " urgent",
                "OUTPATIENT_THERAPY physical " + visit + " urgent", "OUTPATIENT_THERAPY speech " + visit + " urgent",
                "NUTRITION  " + visit + " urgent", "MEDICAL_EQUIPMENT SR-DME " + visit + " urgent");

        ehr().update().resource(requests.get(1).setStatus(ServiceRequestStatus.REVOKED)).execute();
        assertThat(itemsOf(mrn)).containsExactlyInAnyOrder("HOME_CARE NEW", "OUTPATIENT_THERAPY CANCELLED",
                "OUTPATIENT_THERAPY NEW", "NUTRITION NEW", "MEDICAL_EQUIPMENT NEW");
    }

    private static ServiceRequest request(String mrn, String code, String display) {
        ServiceRequest request = new ServiceRequest().setStatus(ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequestIntent.ORDER).setPriority(ServiceRequestPriority.URGENT);
        request.setId("sr-" + code + "-" + mrn);
        request.addIdentifier().setSystem("urn:oid:1.2.840.114350.1.13.0.1.7.2.798268").setValue("SR-" + code);
        request.setCode(new CodeableConcept(new Coding(SNOMED, code, display)).setText(display));
        request.addCategory(new CodeableConcept(new Coding(SNOMED, "3457005", "Patient referral")));
        request.setSubject(new Reference("Patient/p-" + mrn));
        request.setEncounter(new Reference("Encounter/e-" + mrn));
        return request;
    }

    private void send(String message) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo("AA");
        }
    }

    private JsonNode only(String mrn) {
        JsonNode items = workItemsOf(mrn);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> actions(JsonNode item) {
        return StreamSupport.stream(item.get("history").spliterator(), false).map(h -> h.get("action").asText())
                .toList();
    }
}
