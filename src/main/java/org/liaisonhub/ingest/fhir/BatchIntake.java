package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.MessageIntake;
import org.liaisonhub.ingest.MessageIntake.Arrival;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
import org.liaisonhub.ingest.fhir.FhirIngestService.Result;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.springframework.stereotype.Component;

/**
 * A FHIR batch ({@code POST /fhir} with a Bundle of type batch): one stored message whose entries are processed each
 * in a transaction of its own, so that the good entries are kept whatever becomes of the others, and each is
 * answered in its own response entry. The message is in ERROR (and reprocessable) when an entry failed.
 */
@Component
class BatchIntake {

    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]");

    private final FhirIngestService ingest;
    private final FhirResourceMapping mapping;
    private final MessageIntake intake;
    private final FhirContext fhir;

    BatchIntake(FhirIngestService ingest, FhirResourceMapping mapping, MessageIntake intake, FhirContext fhir) {
        this.ingest = ingest;
        this.mapping = mapping;
        this.intake = intake;
        this.fhir = fhir;
    }

    /** One entry of a batch: processed on its own, or already refused (status and problems) before processing. */
    record BatchEntry(Entry entry, int refusedWith, OperationOutcome problems) {

        static BatchEntry accepted(Entry entry) {
            return new BatchEntry(entry, 0, null);
        }

        static BatchEntry refused(int status, OperationOutcome problems) {
            return new BatchEntry(null, status, problems);
        }
    }

    /** What became of one entry of a batch: the HTTP status it is answered with, its version or its problems. */
    record EntryOutcome(int status, int version, OperationOutcome problems) {
    }

    /** Takes a batch: each entry processed on its own, answered in its own response entry. */
    Bundle receive(FhirRequest request, Bundle bundle, String controlId) {
        Map<Integer, OperationOutcome> invalid = new HashMap<>();
        OperationOutcome whole = new OperationOutcome();
        for (OperationOutcomeIssueComponent issue : ingest.problems(request.rawText()).getIssue()) {
            Matcher entry = ENTRY.matcher(issue.hasExpression() ? issue.getExpression().get(0).getValue() : "");
            if (entry.find()) {
                invalid.computeIfAbsent(Integer.valueOf(entry.group(1)), i -> new OperationOutcome()).addIssue(issue);
            } else {
                whole.addIssue(issue);
            }
        }
        if (whole.hasIssue()) {
            throw ingest.refuse(request, "Bundle", controlId, 400, whole);
        }
        List<BatchEntry> entries = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            OperationOutcome problems = new OperationOutcome();
            Entry entry = BundleEntries.requested(bundle.getEntry().get(i), i, problems);
            if (problems.hasIssue()) {
                entries.add(BatchEntry.refused(400, problems));
            } else if (invalid.containsKey(i)) {
                entries.add(BatchEntry.refused(422, invalid.get(i)));
            } else {
                entries.add(BatchEntry.accepted(entry));
            }
        }
        List<EntryOutcome> outcomes = process(request, controlId, entries);
        Bundle response = new Bundle().setType(BundleType.BATCHRESPONSE);
        for (int i = 0; i < entries.size(); i++) {
            EntryOutcome outcome = outcomes.get(i);
            Bundle.BundleEntryResponseComponent answer = outcome.problems() == null
                    ? BundleEntries.kept(entries.get(i).entry().resource(), outcome.version())
                    : new Bundle.BundleEntryResponseComponent().setStatus(BundleEntries.status(outcome.status()))
                            .setOutcome(outcome.problems());
            response.addEntry().setResponse(answer);
        }
        return response;
    }

    private List<EntryOutcome> process(FhirRequest request, String controlId, List<BatchEntry> entries) {
        Arrival arrival = ingest.arrival(request, "Bundle", controlId);
        Long stored = arrival.storedId() != null ? arrival.storedId()
                : intake.record(arrival, MessageOutcome.of(MessageStatus.PROCESSED, null));
        if (stored == null) {
            throw ProcessingFailure.of(fhir, new IllegalStateException("the batch could not be stored")).exception();
        }
        long id = stored;
        List<EntryOutcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> references = new ArrayList<>();
        boolean matched = false;
        String firstFailure = null;
        for (int i = 0; i < entries.size(); i++) {
            BatchEntry batchEntry = entries.get(i);
            EntryOutcome outcome;
            if (batchEntry.entry() == null) {
                outcome = new EntryOutcome(batchEntry.refusedWith(), 0, batchEntry.problems());
            } else {
                Resource resource = batchEntry.entry().resource();
                int first = i;
                try {
                    Result result = intake.processPart(id, messageId -> mapping.apply(messageId,
                            List.of(batchEntry.entry()), first));
                    matched |= result.status() == MessageStatus.PROCESSED;
                    references.add(FhirUnit.reference(resource));
                    outcome = new EntryOutcome(result.versionOf(resource) == 1 ? 201 : 200,
                            result.versionOf(resource), null);
                } catch (RuntimeException failure) {
                    ProcessingFailure.logIfOwn(failure);
                    ProcessingFailure failed = ProcessingFailure.of(fhir, failure);
                    outcome = new EntryOutcome(failed.status(), 0, FhirProblems.outcome(failed.status() == 422
                            ? IssueType.REQUIRED : IssueType.EXCEPTION, failed.why(), failed.where()));
                }
            }
            outcomes.add(outcome);
            if (outcome.problems() != null) {
                failures.add("entry " + i + ": " + outcome.status() + " " + FhirProblems.summary(outcome.problems()));
                firstFailure = firstFailure == null ? "Bundle.entry[" + i + "]" : firstFailure;
            }
        }
        MessageOutcome outcome = !failures.isEmpty()
                ? new MessageOutcome(MessageStatus.ERROR, null, String.valueOf(outcomes.stream()
                        .filter(o -> o.status() >= 400).findFirst().map(EntryOutcome::status).orElse(422)),
                        firstFailure, String.join("; ", failures), null)
                : MessageOutcome.of(matched ? MessageStatus.PROCESSED : MessageStatus.IGNORED, null);
        intake.record(arrival.storedAs(id), outcome);
        ingest.audit(request, references, 200);
        return outcomes;
    }
}
