package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.coverage;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;
import static org.liaisonhub.support.FhirResources.payer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;

/**
 * An admission sent by HL7 (ADT^A01) and by FHIR (Patient, Encounter, Coverages) for the same MRN and visit
 * number is one set of work items, whichever channel comes first.
 */
class OneVisitAcrossChannelsTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> ONE_SET = List.of("INSURANCE_VERIFICATION", "INSURANCE_VERIFICATION",
            "INTERPRETER");

    @Test
    void anAdmissionByHl7ThenByFhirCreatesOneSetOfItems() {
        Fixtures admission = Fixtures.fresh();
        admitByHl7(admission);
        await().atMost(PATIENCE).until(() -> types(admission), ONE_SET::equals);
        List<Long> ids = ids(admission);

        ehr().transaction().withBundle(admissionByFhir(admission)).execute();

        assertThat(types(admission)).isEqualTo(ONE_SET);
        assertThat(ids(admission)).isEqualTo(ids);
    }

    @Test
    void anAdmissionByFhirThenByHl7CreatesOneSetOfItems() {
        Fixtures admission = Fixtures.fresh();
        ehr().transaction().withBundle(admissionByFhir(admission)).execute();
        await().atMost(PATIENCE).until(() -> types(admission), ONE_SET::equals);
        List<Long> ids = ids(admission);

        admitByHl7(admission);

        assertThat(types(admission)).isEqualTo(ONE_SET);
        assertThat(ids(admission)).isEqualTo(ids);
    }

    private void admitByHl7(Fixtures admission) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(admission.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
        }
    }

    /** What a01-admit-spanish-two-insurances.hl7 says, as FHIR: the same MRN, visit, language, payers, members. */
    private static Bundle admissionByFhir(Fixtures admission) {
        String mrn = admission.get("MRN");
        Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
        put(transaction, patient("p-" + mrn, mrn, "es", "Spanish"));
        put(transaction, encounter("e-" + mrn, admission.get("VISIT"), "Patient/p-" + mrn,
                EncounterStatus.INPROGRESS));
        put(transaction, payer("aetna", "AETNA01", "AETNA HEALTH INC"));
        put(transaction, payer("medicare", "MEDICARE", "CENTERS FOR MEDICARE"));
        put(transaction, coverage("c1-" + mrn, "Patient/p-" + mrn, "Organization/aetna", "W123456789"));
        put(transaction, coverage("c2-" + mrn, "Patient/p-" + mrn, "Organization/medicare", "1EG4TE5MK73"));
        return transaction;
    }

    private static void put(Bundle bundle, Resource resource) {
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl("https://ehr.example.org/fhir/" + reference).setResource(resource)
                .getRequest().setMethod(HTTPVerb.PUT).setUrl(reference);
    }

    private List<String> types(Fixtures admission) {
        List<String> types = new ArrayList<>();
        for (JsonNode item : workItemsOf(admission.get("MRN"))) {
            assertThat(item.get("visitNumber").asText()).isEqualTo(admission.get("VISIT"));
            types.add(item.get("type").asText());
        }
        return types.stream().sorted().toList();
    }

    private List<Long> ids(Fixtures admission) {
        List<Long> ids = new ArrayList<>();
        workItemsOf(admission.get("MRN")).forEach(item -> ids.add(item.get("id").asLong()));
        return ids.stream().sorted().toList();
    }
}
