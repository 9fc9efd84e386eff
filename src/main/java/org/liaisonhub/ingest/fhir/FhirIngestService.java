package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.MessageIntake.Arrival;
import org.liaisonhub.ingest.MessageIntake.Processed;
import org.liaisonhub.ingest.MessageIntake;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.store.MessageEnvelope;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The FHIR channel of the intake ({@link MessageIntake}): every request is stored (channel FHIR) with its outcome,
 * validated, and its resources are kept, mapped by the FHIR rule sets and applied to the work items in one
 * transaction. What cannot be taken is answered in FHIR terms (400 unreadable, 422 invalid or unusable, with an
 * OperationOutcome naming the problem and where it is) and is still stored.
 */
@Service
public class FhirIngestService {

    public static final String CHANNEL = "FHIR";
    private static final Logger log = LoggerFactory.getLogger(FhirIngestService.class);

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final FhirResourceMapping mapping;
    private final MessageIntake intake;
    private final AuditTrail audit;

    FhirIngestService(FhirContext fhir, FhirValidation validation, FhirResourceMapping mapping, MessageIntake intake,
            AuditTrail audit) {
        this.fhir = fhir;
        this.validation = validation;
        this.mapping = mapping;
        this.intake = intake;
        this.audit = audit;
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
            throw new InvalidRequestException(why, FhirProblems.outcome(IssueType.STRUCTURE, why, null));
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
        reject(request, type, controlId, FhirProblems.summary(problems), status);
        return answer(status, problems);
    }

    /**
     * Stores a request that could not be processed for now (what it names could not be fetched) as ERROR, to be
     * reprocessed, and gives the exception that answers it.
     */
    public BaseServerResponseException fail(FhirRequest request, String type, String controlId, int status,
            OperationOutcome problems) {
        intake.record(arrival(request, type, controlId), new MessageOutcome(MessageStatus.ERROR, null,
                String.valueOf(status), null, FhirProblems.summary(problems), null));
        audit(request, List.of(), status);
        return answer(status, problems);
    }

    private BaseServerResponseException answer(int status, OperationOutcome problems) {
        return switch (status) {
            case 400 -> new InvalidRequestException(FhirProblems.summary(problems), problems);
            case 422 -> new UnprocessableEntityException(fhir, problems);
            default -> {
                UnclassifiedServerFailureException failure = new UnclassifiedServerFailureException(status,
                        FhirProblems.summary(problems));
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
        Processed<Result> processed = intake.process(arrival(request, type, controlId),
                MessageOutcome.of(MessageStatus.PROCESSED, null), id -> mapping.apply(id, entries, 0), failure -> {
                    ProcessingFailure.logIfOwn(failure);
                    return ProcessingFailure.of(fhir, failure).outcome();
                });
        if (processed instanceof Processed.Failed<Result> failed) {
            ProcessingFailure failure = ProcessingFailure.of(fhir, failed.cause());
            audit(request, List.of(), failure.status());
            throw failure.exception();
        }
        Result result = ((Processed.Committed<Result>) processed).answer();
        audit(request, List.copyOf(result.versions().keySet()), 200);
        log.debug("FHIR {} {} stored as message {}: {}", request.kind().event(), type, result.messageId(),
                result.status());
        return result;
    }

    /** Stores a request the hub answered 400 or 422 without processing it. */
    public void reject(FhirRequest request, String type, String controlId, String why, int status) {
        intake.record(arrival(request, type, controlId),
                new MessageOutcome(MessageStatus.REJECTED, null, String.valueOf(status), null, why, null));
        audit(request, List.of(), status);
    }

    /** Stores a request that arrived but needs no processing (a heartbeat, a handshake). */
    long ignore(FhirRequest request, String type, String controlId) {
        Long id = intake.record(arrival(request, type, controlId), MessageOutcome.of(MessageStatus.IGNORED, null));
        return id == null ? 0 : id;
    }

    /** Records a call in the access audit, unless it is a stored request processed again. */
    void audit(FhirRequest request, List<String> references, int status) {
        if (request.path() != null && !request.reprocessing()) {
            audit.record(request.principal(), "CHANGE", "FHIR", String.join(",", references),
                    request.kind() == FhirRequest.Kind.UPDATE ? "PUT" : "POST", request.path(), status,
                    request.remoteAddress(), request.kind().event());
        }
    }

    /** The request as the intake takes it: received now, or the stored message processed again. */
    Arrival arrival(FhirRequest request, String type, String controlId) {
        if (request.reprocessing()) {
            return Arrival.reprocess(request.storedId());
        }
        String raw = request.rawText() == null ? "" : request.rawText();
        return Arrival.received(new ReceivedMessage(new MessageEnvelope(CHANNEL, Instant.now(),
                request.remoteAddress(), request.principal(), null, "liaison-hub", null, type, request.kind().event(),
                controlId != null ? controlId : request.requestId(),
                fhir.getVersion().getVersion().getFhirVersionString(), StandardCharsets.UTF_8.name(),
                raw.getBytes(StandardCharsets.UTF_8).length, null), raw));
    }
}
