package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.coverage;
import static org.liaisonhub.support.FhirResources.encounter;
import static org.liaisonhub.support.FhirResources.patient;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /fhir with Bundles: transactions all or nothing, batches entry by entry, collections and messages whole. */
class FhirBundlesTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionWithOneInvalidEntryIsRefusedWholeAndCreatesNothing() {
        String mrn = TestIds.mrn();
        Bundle transaction = admissionWithACoverageWithoutPayer(BundleType.TRANSACTION, mrn);

        UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class,
                () -> ehr().transaction().withBundle(transaction).execute());

        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getExpression().get(0).getValue()).startsWith("Bundle.entry[2]");
            assertThat(issue.getDiagnostics()).contains("payor");
        });
        assertThat(workItemsOf(mrn)).isEmpty();
        assertThat(kept(mrn)).as("no resource of the transaction is kept").isZero();
        JsonNode stored = storedMessage(transaction.getIdentifier().getValue());
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED");
        assertThat(stored.get("errorCode").asText()).isEqualTo("422");
    }

    @Test
    void theSameEntriesAsABatchKeepTheGoodOnesAndReportTheBadOne() {
        String mrn = TestIds.mrn();
        Bundle batch = admissionWithACoverageWithoutPayer(BundleType.BATCH, mrn);

        Bundle response = ehr().transaction().withBundle(batch).execute();

        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created", "422 Unprocessable Entity");
        assertThat(response.getEntry().get(0).getResponse().getLocation())
                .isEqualTo("Patient/p-" + mrn + "/_history/1");
        OperationOutcome problem = (OperationOutcome) response.getEntry().get(2).getResponse().getOutcome();
        assertThat(problem.getIssueFirstRep().getDiagnostics()).contains("payor");
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        JsonNode stored = storedMessage(batch.getIdentifier().getValue());
        assertThat(stored.get("status").asText()).as("reprocessable once the bad entry is fixed").isEqualTo("ERROR");
        assertThat(stored.get("errorLocation").asText()).isEqualTo("Bundle.entry[2]");
    }

    @Test
    void aTransactionsEntriesReferToEachOtherByTheirUuidsAndGetTheHubsIds() {
        String mrn = TestIds.mrn();
        Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
        transaction.getIdentifier().setValue(TestIds.controlId());
        transaction.addEntry().setFullUrl("urn:uuid:6f0b2c8e-4a36-4a8e-9d55-0a4f1c3b2d11")
                .setResource(patient(null, mrn, "es", "Spanish"))
                .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        transaction.addEntry().setFullUrl("urn:uuid:0c7c3b7e-2f6b-4b7d-9a51-5d2f3e8c9a22")
                .setResource(encounter(null, TestIds.visit(), "urn:uuid:6f0b2c8e-4a36-4a8e-9d55-0a4f1c3b2d11",
                        EncounterStatus.INPROGRESS))
                .getRequest().setMethod(HTTPVerb.POST).setUrl("Encounter");

        Bundle response = ehr().transaction().withBundle(transaction).execute();

        assertThat(response.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).allSatisfy(e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo("201 Created");
            assertThat(e.getResponse().getLocation()).matches("(Patient|Encounter)/lh-\\d+-\\d/_history/1");
        });
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        String patientId = response.getEntry().get(0).getResponse().getLocation().split("/")[1];
        String encounter = jdbc.queryForObject("select body from fhir_resource where resource_type = 'Encounter'"
                + " and patient_ref = ?", String.class, "Patient/" + patientId);
        assertThat(encounter).contains("\"reference\":\"Patient/" + patientId + "\"");
    }

    @Test
    void aTransactionAsksOnlyForCreatesAndUpdates() {
        String mrn = TestIds.mrn();
        Bundle transaction = admission(BundleType.TRANSACTION, mrn, TestIds.visit());
        transaction.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("Patient/p-" + mrn);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ehr().transaction().withBundle(transaction).execute());

        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
            assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Bundle.entry[2].request.method");
        });
        assertThat(kept(mrn)).isZero();
    }

    @Test
    void aCollectionIsProcessedAsAWhole() {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        Bundle collection = new Bundle().setType(BundleType.COLLECTION);
        collection.getIdentifier().setValue(TestIds.controlId());
        collection.addEntry().setFullUrl("https://ehr.example.org/fhir/Patient/p-" + mrn)
                .setResource(patient("p-" + mrn, mrn, "es", "Spanish"));
        collection.addEntry().setFullUrl("https://ehr.example.org/fhir/Encounter/e-" + mrn)
                .setResource(encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS));

        Bundle response = ehr().transaction().withBundle(collection).execute();

        assertThat(response.getEntry()).extracting(e -> e.getResponse().getLocation())
                .containsExactly("Patient/p-" + mrn + "/_history/1", "Encounter/e-" + mrn + "/_history/1");
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
        assertThat(storedMessage(collection.getIdentifier().getValue()).get("status").asText())
                .isEqualTo("PROCESSED");
    }

    @Test
    void aMessageIsAnsweredByAResponseMessageOnceProcessed() {
        String mrn = TestIds.mrn();
        Bundle message = new Bundle().setType(BundleType.MESSAGE);
        message.setId(TestIds.controlId());
        message.getTimestampElement().setValueAsString("2026-11-27T08:30:00-06:00");
        MessageHeader header = new MessageHeader().setEvent(new Coding("http://example.org/events", "admit", null));
        header.setId("h-" + mrn);
        header.getSource().setEndpoint("https://ehr.example.org/messaging");
        header.addFocus(new Reference("Encounter/e-" + mrn));
        message.addEntry().setFullUrl("https://ehr.example.org/fhir/MessageHeader/h-" + mrn).setResource(header);
        message.addEntry().setFullUrl("https://ehr.example.org/fhir/Encounter/e-" + mrn)
                .setResource(encounter("e-" + mrn, TestIds.visit(), "Patient/p-" + mrn, EncounterStatus.INPROGRESS));
        message.addEntry().setFullUrl("https://ehr.example.org/fhir/Patient/p-" + mrn)
                .setResource(patient("p-" + mrn, mrn, "es", "Spanish"));

        Bundle response = ehr().transaction().withBundle(message).execute();

        assertThat(response.getType()).isEqualTo(BundleType.MESSAGE);
        MessageHeader answer = (MessageHeader) response.getEntryFirstRep().getResource();
        assertThat(answer.getResponse().getIdentifier()).isEqualTo("h-" + mrn);
        assertThat(answer.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        assertThat(answer.getDestinationFirstRep().getEndpoint()).isEqualTo("https://ehr.example.org/messaging");
        await().atMost(PATIENCE).until(() -> itemsOf(mrn), items -> items.equals(List.of("INTERPRETER SENT")));
    }

    @Test
    void aBundleOfAnotherTypeIsRefusedAndKept() {
        Bundle searchset = new Bundle().setType(BundleType.SEARCHSET);
        searchset.getIdentifier().setValue(TestIds.controlId());

        BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
                () -> ehr().transaction().withBundle(searchset).execute());

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("searchset");
        assertThat(storedMessage(searchset.getIdentifier().getValue()).get("status").asText()).isEqualTo("REJECTED");
    }

    /** A Spanish speaker's patient and in-progress visit, as PUT entries of a transaction or batch. */
    private static Bundle admission(BundleType type, String mrn, String visit) {
        Bundle bundle = new Bundle().setType(type);
        bundle.getIdentifier().setValue(TestIds.controlId());
        put(bundle, patient("p-" + mrn, mrn, "es", "Spanish"));
        put(bundle, encounter("e-" + mrn, visit, "Patient/p-" + mrn, EncounterStatus.INPROGRESS));
        return bundle;
    }

    /** The admission, and a Coverage that is invalid FHIR (payor is 1..*) as its third entry. */
    private static Bundle admissionWithACoverageWithoutPayer(BundleType type, String mrn) {
        Bundle bundle = admission(type, mrn, TestIds.visit());
        Coverage withoutPayer = coverage("c-" + mrn, "Patient/p-" + mrn, "Organization/none", "W1");
        withoutPayer.getPayor().clear();
        put(bundle, withoutPayer);
        return bundle;
    }

    private static void put(Bundle bundle, Resource resource) {
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl("https://ehr.example.org/fhir/" + reference).setResource(resource)
                .getRequest().setMethod(HTTPVerb.PUT).setUrl(reference);
    }

    private int kept(String mrn) {
        return jdbc.queryForObject("select count(*) from fhir_resource where patient_ref = ? or resource_id = ?",
                Integer.class, "Patient/p-" + mrn, "p-" + mrn);
    }
}
