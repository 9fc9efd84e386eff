package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.coverage;
import static org.liaisonhub.support.FhirResources.dischargedToNursingFacility;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.needingAnInterpreter;
import static org.liaisonhub.support.FhirResources.patient;
import static org.liaisonhub.support.FhirResources.payer;
import static org.liaisonhub.support.FhirResources.serviceRequest;

import ca.uhn.fhir.rest.api.MethodOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.TestIds;

/**
 * Each default FHIR rule (mappings/fhir-liaison.yaml), from a resource sent to /fhir by HAPI's client to the
 * request its vendor receives.
 */
class FhirDefaultRulesTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aSpanishSpeakerAdmittedByFhirGetsAnInterpreterRequestForTheVisit() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        MethodOutcome patient = ehr().update().resource(patient("p-" + mrn, mrn, "es", "Spanish")).execute();
        assertThat(patient.getCreated()).isTrue();
        assertThat(patient.getId().getVersionIdPart()).isEqualTo("1");
        assertThat(workItemsOf(mrn)).as("no visit yet, no interpreter yet").isEmpty();

        MethodOutcome encounter = ehr().create()
                .resource(encounter(null, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS)).execute();
        assertThat(encounter.getCreated()).isTrue();
        assertThat(encounter.getId().getIdPart()).startsWith("lh-");

        LoggedRequest request = await().atMost(PATIENCE).until(() -> vendorRequests("interpreter", mrn),
                r -> r.size() == 1).get(0);
        assertThat(request.getBodyAsString()).contains("\"es\"").contains(visit);
        JsonNode item = workItemsOf(mrn).get(0);
        assertThat(item.get("type").asText()).isEqualTo("INTERPRETER");
        assertThat(item.get("visitNumber").asText()).isEqualTo(visit);
    }

    @Test
    void theInterpreterRequiredFlagOnAnEnglishSpeakerAsksForAnInterpreter() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        ehr().update().resource(encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.ARRIVED)).execute();
        ehr().update().resource(needingAnInterpreter(patient("p-" + mrn, mrn, "en", "English"))).execute();

        await().atMost(PATIENCE).until(() -> vendorRequests("interpreter", mrn), r -> r.size() == 1);
        assertThat(itemsOf(mrn)).containsExactly("INTERPRETER SENT");
    }

    @Test
    void anActiveCoverageIsSentForVerification() {
        String mrn = TestIds.mrn();
        ehr().update().resource(payer("aetna-" + mrn, "AETNA01", "AETNA HEALTH INC")).execute();
        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();
        ehr().create().resource(coverage(null, "Patient/p-" + mrn, "Organization/aetna-" + mrn, "W123456789"))
                .execute();

        LoggedRequest request = await().atMost(PATIENCE).until(() -> vendorRequests("insurance", mrn),
                r -> r.size() == 1).get(0);
        assertThat(request.getBodyAsString()).contains("AETNA HEALTH INC").contains("W123456789");
        assertThat(itemsOf(mrn)).containsExactly("INSURANCE_VERIFICATION SENT");
    }

    @Test
    void aVisitFinishedWithADischargeToANursingFacilityNeedsTransport() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();
        Encounter stay = encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS);
        ehr().update().resource(stay).execute();
        assertThat(workItemsOf(mrn)).isEmpty();

        MethodOutcome discharged = ehr().update().resource(dischargedToNursingFacility(stay)).execute();
        assertThat(discharged.getCreated()).as("an update of a known resource").isNotEqualTo(Boolean.TRUE);
        assertThat(discharged.getId().getVersionIdPart()).isEqualTo("2");

        LoggedRequest request = await().atMost(PATIENCE).until(() -> vendorRequests("transport", mrn),
                r -> r.size() == 1).get(0);
        assertThat(request.getBodyAsString()).contains("Lakeside Skilled Nursing");
        assertThat(itemsOf(mrn)).containsExactly("TRANSPORT SENT");
    }

    @Test
    void aServiceRequestForTransportOrAnInterpreterIsThatWorkDirectly() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();
        ehr().update().resource(encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS))
                .execute();
        ehr().create().resource(serviceRequest(null, "transport", "Patient/p-" + mrn, "Encounter/e-" + mrn))
                .execute();
        ehr().create().resource(serviceRequest(null, "interpreter", "Patient/p-" + mrn, "Encounter/e-" + mrn))
                .execute();

        await().atMost(PATIENCE).until(() -> vendorRequests("transport", mrn), r -> r.size() == 1);
        await().atMost(PATIENCE).until(() -> vendorRequests("interpreter", mrn), r -> r.size() == 1);
        assertThat(itemsOf(mrn)).containsExactlyInAnyOrder("TRANSPORT SENT", "INTERPRETER SENT");
    }

    @Test
    void aCancelledEncounterCancelsTheVisitsOpenItemsAndTellsTheVendors() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        ehr().update().resource(patient("p-" + mrn, mrn, "es", "Spanish")).execute();
        Encounter stay = encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS);
        ehr().update().resource(stay).execute();
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));

        ehr().update().resource(stay.setStatus(EncounterStatus.CANCELLED)).execute();

        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER CANCELLED")));
        await().atMost(PATIENCE).until(() -> vendorRequests("interpreter", mrn), r -> r.size() == 2);
    }

    @Test
    void aPatientNowEnglishSpeakingNoLongerNeedsTheInterpreter() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        Patient patient = patient("p-" + mrn, mrn, "vi", "Vietnamese");
        ehr().update().resource(patient).execute();
        ehr().update().resource(encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS))
                .execute();
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));

        ehr().update().resource(patient("p-" + mrn, mrn, "en", "English")).execute();

        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER CANCELLED")));
    }
}
