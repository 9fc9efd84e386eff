package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.mapping.FhirRuleEngine;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.store.MessageEnvelope;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.ReceivedMessage;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkItemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes FHIR resources from arrival to committed work items: every request is stored (channel FHIR) with its
 * outcome, validated, and its resources are kept, mapped by the FHIR rule sets and applied to the work items in
 * one transaction. What cannot be taken is answered in FHIR terms (400 unreadable, 422 invalid or unusable, with
 * an OperationOutcome naming the problem and where it is) and is still stored.
 */
@Service
public class FhirIngestService {

    public static final String CHANNEL = "FHIR";
    private static final Logger log = LoggerFactory.getLogger(FhirIngestService.class);

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final FhirRuleEngine rules;
    private final FhirResourceIndex index;
    private final EhrFhirServer ehr;
    private final MessageStore store;
    private final WorkItemLedger ledger;
    private final AuditTrail audit;
    private final FhirProperties properties;
    private final TransactionTemplate transaction;

    FhirIngestService(FhirContext fhir, FhirValidation validation, FhirRuleEngine rules, FhirResourceIndex index,
            EhrFhirServer ehr, MessageStore store, WorkItemLedger ledger, AuditTrail audit, FhirProperties properties,
            PlatformTransactionManager transactions) {
        this.fhir = fhir;
        this.validation = validation;
        this.rules = rules;
        this.index = index;
        this.ehr = ehr;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One resource of a request, with the name it goes by there (a bundle entry's fullUrl).
     *
     * @param serverAssignsId a create: the hub names the resource, whatever id it carries
     */
    record Entry(Resource resource, String alias, boolean serverAssignsId) {
    }

    /**
     * What processing a request came to: the stored message, its status, and the version kept of each resource
     * by reference ({@code Patient/123}); version 0 when a newer one was already kept or the type is not kept.
     */
    public record Result(long messageId, MessageStatus status, Map<String, Integer> versions) {

        int versionOf(Resource resource) {
            return versions.getOrDefault(FhirUnit.reference(resource), 0);
        }
    }

    /** Parses a resource or bundle, JSON or XML; unreadable text is stored as REJECTED and answered 400. */
    public IBaseResource parse(FhirRequest request) {
        String text = request.rawText() == null ? "" : request.rawText().strip();
        IParser parser = text.startsWith("<") ? fhir.newXmlParser() : fhir.newJsonParser();
        try {
            return parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException unreadable) {
            String why = "The body is not a FHIR R4 resource: " + unreadable.getMessage();
            reject(request, request.type(), request.id(), why, 400);
            throw new InvalidRequestException(why, outcome(IssueType.STRUCTURE, why, null));
        }
    }

    /** The errors base FHIR R4 finds in a resource or bundle; empty when it is valid. */
    public OperationOutcome problems(String rawText) {
        return validation.problems(rawText);
    }

    /** Checks the request against base FHIR R4; invalid ones are stored as REJECTED and answered 422. */
    public void validate(FhirRequest request, String type, String controlId) {
        OperationOutcome problems = validation.problems(request.rawText());
        if (!problems.getIssue().isEmpty()) {
            throw refuse(request, type, controlId, 422, problems);
        }
    }

    /** Stores the request as REJECTED and gives the exception that answers it with the problems found. */
    public BaseServerResponseException refuse(FhirRequest request, String type, String controlId, int status,
            OperationOutcome problems) {
        reject(request, type, controlId, summary(problems), status);
        return answer(status, problems);
    }

    /**
     * Stores a request that could not be processed for now (what it names could not be fetched) as ERROR, to be
     * reprocessed, and gives the exception that answers it.
     */
    public BaseServerResponseException fail(FhirRequest request, String type, String controlId, int status,
            OperationOutcome problems) {
        record(request, received(request, type, controlId), new MessageOutcome(MessageStatus.ERROR, null,
                String.valueOf(status), null, summary(problems), null));
        audit(request, List.of(), status);
        return answer(status, problems);
    }

    private BaseServerResponseException answer(int status, OperationOutcome problems) {
        return switch (status) {
            case 400 -> new InvalidRequestException(summary(problems), problems);
            case 422 -> new UnprocessableEntityException(fhir, problems);
            default -> {
                UnclassifiedServerFailureException failure = new UnclassifiedServerFailureException(status,
                        summary(problems));
                failure.setOperationOutcome(problems);
                yield failure;
            }
        };
    }

    /**
     * Processes resources that stand or fall together (a create, an update, a transaction, a collection, a
     * message, a notification) in one transaction.
     */
    public Result process(FhirRequest request, String type, String controlId, List<Entry> entries) {
        ReceivedMessage received = received(request, type, controlId);
        try {
            Result result = transaction.execute(tx -> {
                long id = request.reprocessing() ? request.storedId()
                        : store.insert(received, MessageOutcome.of(MessageStatus.PROCESSED, null));
                Result applied = apply(id, entries, 0);
                if (request.reprocessing() || applied.status() != MessageStatus.PROCESSED) {
                    store.recordOutcome(id, MessageOutcome.of(applied.status(), null), request.reprocessing());
                }
                return applied;
            });
            audit(request, List.copyOf(result.versions().keySet()), 200);
            log.debug("FHIR {} {} stored as message {}: {}", request.kind().event(), type, result.messageId(),
                    result.status());
            return result;
        } catch (RuntimeException failure) {
            EntryFailure failed = failure(failure);
            record(request, received, new MessageOutcome(MessageStatus.ERROR, null, String.valueOf(failed.status()),
                    failed.where(), failed.why(), null));
            audit(request, List.of(), failed.status());
            throw failed.exception();
        }
    }

    /**
     * One entry of a batch: processed on its own, or already refused (status and problems) before processing.
     */
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

    /**
     * Processes a batch: one stored message, each entry in a transaction of its own, so that the good entries are
     * kept whatever becomes of the others. The message is in ERROR (and reprocessable) when an entry failed.
     */
    public List<EntryOutcome> processBatch(FhirRequest request, String controlId, List<BatchEntry> entries) {
        ReceivedMessage received = received(request, "Bundle", controlId);
        long id = request.reprocessing() ? request.storedId()
                : transaction.execute(tx -> store.insert(received, MessageOutcome.of(MessageStatus.PROCESSED, null)));
        List<EntryOutcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> references = new ArrayList<>();
        boolean matched = false;
        String firstFailure = null;
        for (int i = 0; i < entries.size(); i++) {
            BatchEntry batchEntry = entries.get(i);
            if (batchEntry.entry() == null) {
                outcomes.add(new EntryOutcome(batchEntry.refusedWith(), 0, batchEntry.problems()));
                failures.add("entry " + i + ": " + batchEntry.refusedWith() + " " + summary(batchEntry.problems()));
                firstFailure = firstFailure == null ? "Bundle.entry[" + i + "]" : firstFailure;
                continue;
            }
            int first = i;
            try {
                Result result = transaction.execute(tx -> apply(id, List.of(batchEntry.entry()), first));
                Resource resource = batchEntry.entry().resource();
                matched |= result.status() == MessageStatus.PROCESSED;
                references.add(FhirUnit.reference(resource));
                outcomes.add(new EntryOutcome(result.versionOf(resource) == 1 ? 201 : 200,
                        result.versionOf(resource), null));
            } catch (RuntimeException failure) {
                EntryFailure failed = failure(failure);
                OperationOutcome problems = outcome(failed.status() == 422 ? IssueType.REQUIRED : IssueType.EXCEPTION,
                        failed.why(), failed.where());
                outcomes.add(new EntryOutcome(failed.status(), 0, problems));
                failures.add("entry " + i + ": " + failed.status() + " " + summary(problems));
                firstFailure = firstFailure == null ? "Bundle.entry[" + i + "]" : firstFailure;
            }
        }
        MessageOutcome outcome = !failures.isEmpty()
                ? new MessageOutcome(MessageStatus.ERROR, null, String.valueOf(outcomes.stream()
                        .filter(o -> o.status() >= 400).findFirst().map(EntryOutcome::status).orElse(422)),
                        firstFailure, String.join("; ", failures), null)
                : MessageOutcome.of(matched ? MessageStatus.PROCESSED : MessageStatus.IGNORED, null);
        transaction.executeWithoutResult(tx -> store.recordOutcome(id, outcome, request.reprocessing()));
        audit(request, references, 200);
        return outcomes;
    }

    /** Why processing failed, in FHIR terms: what the sender can fix (422) or the hub's own failure (500). */
    private record EntryFailure(int status, String why, String where, BaseServerResponseException exception) {
    }

    private EntryFailure failure(RuntimeException failure) {
        if (failure instanceof MappingDataException unusable) {
            return new EntryFailure(422, unusable.getMessage(), unusable.fhirPath(),
                    new UnprocessableEntityException(fhir, outcome(IssueType.REQUIRED, unusable.getMessage(),
                            unusable.fhirPath())));
        }
        if (failure instanceof BaseServerResponseException answered) {
            return new EntryFailure(answered.getStatusCode(), answered.getMessage(), null, answered);
        }
        log.error("FHIR resources could not be processed: {}", failure.getClass().getName());
        log.debug("FHIR processing failure", failure);
        String why = "The hub could not process it; it was kept with status ERROR and can be reprocessed";
        return new EntryFailure(500, why, null, new InternalErrorException(why,
                outcome(IssueType.EXCEPTION, why, null)));
    }

    /** Keeps, maps and applies resources under a stored message; entry i gets the id lh-<message>-<first + i>. */
    private Result apply(long id, List<Entry> entries, int first) {
        FhirUnit unit = new FhirUnit(fhir, index, ehr, properties.mrnSystem());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.serverAssignsId()) {
                entry.resource().setIdElement(null);
            }
            unit.add(entry.resource(), "lh-" + id + "-" + (first + i), entry.alias());
        }
        unit.linkReferences();
        Map<String, Integer> versions = new HashMap<>();
        for (Resource resource : unit.resources()) {
            int version = !FhirTypes.ACCEPTED.contains(resource.fhirType()) ? 0
                    : index.put(resource.fhirType(), resource.getIdElement().getIdPart(), unit.patientRefOf(resource),
                            unit.patientMrnOf(resource), status(resource), v -> encode(resource, v), id);
            versions.put(FhirUnit.reference(resource), version);
        }
        List<WorkChange> changes = new ArrayList<>();
        boolean matched = false;
        for (Resource resource : unit.resources()) {
            MappingResult mapping = rules.evaluate(unit.subject(resource));
            matched |= mapping.matched();
            changes.addAll(mapping.changes());
        }
        ledger.apply(changes, id);
        return new Result(id, matched ? MessageStatus.PROCESSED : MessageStatus.IGNORED, versions);
    }

    /** The resource as kept and answered: with its version and when it was received. */
    private String encode(Resource resource, int version) {
        resource.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(new Date());
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** Stores a request the hub answered 400 or 422 without processing it. */
    void reject(FhirRequest request, String type, String controlId, String why, int status) {
        record(request, received(request, type, controlId),
                new MessageOutcome(MessageStatus.REJECTED, null, String.valueOf(status), null, why, null));
        audit(request, List.of(), status);
    }

    /** Stores a request that arrived but needs no processing (a heartbeat, a handshake). */
    long ignore(FhirRequest request, String type, String controlId) {
        return record(request, received(request, type, controlId), MessageOutcome.of(MessageStatus.IGNORED, null));
    }

    private long record(FhirRequest request, ReceivedMessage received, MessageOutcome outcome) {
        try {
            Long id = transaction.execute(tx -> {
                if (request.reprocessing()) {
                    store.recordOutcome(request.storedId(), outcome, true);
                    return request.storedId();
                }
                return store.insert(received, outcome);
            });
            return id == null ? 0 : id;
        } catch (RuntimeException e) {
            log.error("A FHIR {} ({}) could not be stored: {}", request.kind().event(), outcome.status(),
                    e.getClass().getName());
            return 0;
        }
    }

    private void audit(FhirRequest request, List<String> references, int status) {
        if (request.path() != null && !request.reprocessing()) {
            audit.record(request.principal(), "CHANGE", "FHIR", String.join(",", references),
                    request.kind() == FhirRequest.Kind.UPDATE ? "PUT" : "POST", request.path(), status,
                    request.remoteAddress(), request.kind().event());
        }
    }

    private static String status(Resource resource) {
        var status = resource.getNamedProperty("status");
        return status != null && status.hasValues() ? status.getValues().get(0).primitiveValue() : null;
    }

    private ReceivedMessage received(FhirRequest request, String type, String controlId) {
        String raw = request.rawText() == null ? "" : request.rawText();
        return new ReceivedMessage(new MessageEnvelope(CHANNEL, Instant.now(), request.remoteAddress(),
                request.principal(), null, "liaison-hub", null, type, request.kind().event(),
                controlId != null ? controlId : request.requestId(),
                fhir.getVersion().getVersion().getFhirVersionString(), StandardCharsets.UTF_8.name(),
                raw.getBytes(StandardCharsets.UTF_8).length), raw);
    }

    private static String summary(OperationOutcome problems) {
        return problems.getIssue().stream()
                .map(i -> (i.hasExpression() ? i.getExpression().get(0) + ": " : "") + i.getDiagnostics())
                .collect(Collectors.joining("; "));
    }

    static OperationOutcome outcome(IssueType type, String text, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }
}
