package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.liaisonhub.ingest.fhir.FhirIngestService;
import org.liaisonhub.ingest.fhir.FhirProblems;
import org.liaisonhub.ingest.fhir.FhirRequest;
import org.liaisonhub.ingest.fhir.FhirTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the hub's FHIR server answers beyond HAPI's defaults: every error as an OperationOutcome without logging
 * what it quotes (it can be patient data); a write refused before an intake took it (an unreadable bundle, an
 * unknown type) is still stored; and the CapabilityStatement says exactly what is taken and how.
 */
@Interceptor
final class FhirServerHooks {

    private static final Logger log = LoggerFactory.getLogger(FhirServerHooks.class);

    private final FhirIngestService ingest;

    FhirServerHooks(FhirIngestService ingest) {
        this.ingest = ingest;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answerable(RequestDetails call, Throwable failure) {
        if (failure instanceof BaseServerResponseException answered) {
            if (answered.getOperationOutcome() == null) {
                answered.setOperationOutcome(FhirProblems.outcome(
                        answered.getStatusCode() >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING,
                        answered.getMessage(), null));
            }
            return answered;
        }
        if (failure instanceof DataFormatException unreadable) {
            return new InvalidRequestException(unreadable.getMessage(),
                    FhirProblems.outcome(IssueType.STRUCTURE, unreadable.getMessage(), null));
        }
        log.error("The FHIR server failed on a request: {}", failure.getClass().getName());
        log.debug("FHIR server failure", failure);
        String why = "The hub could not complete the request; its log has the details";
        return new InternalErrorException(why, FhirProblems.outcome(IssueType.EXCEPTION, why, null));
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean keepRefused(RequestDetails call, BaseServerResponseException failure) {
        RequestTypeEnum method = call.getRequestType();
        if ((method == RequestTypeEnum.POST || method == RequestTypeEnum.PUT) && !FhirCalls.taken(call)) {
            FhirRequest.Kind kind = method == RequestTypeEnum.PUT ? FhirRequest.Kind.UPDATE
                    : call.getResourceName() == null ? FhirRequest.Kind.BUNDLE : FhirRequest.Kind.CREATE;
            String id = call.getId() == null ? null : call.getId().getIdPart();
            FhirRequest request = FhirCalls.request(call, kind, FhirCalls.rawText(call), call.getResourceName(), id);
            String why = failure.getOperationOutcome() instanceof OperationOutcome outcome
                    && outcome.getIssueFirstRep().hasDiagnostics() ? outcome.getIssueFirstRep().getDiagnostics()
                    : failure.getMessage();
            ingest.reject(request, call.getResourceName(), id, why, failure.getStatusCode());
        }
        return true;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        CapabilityStatement statement = (CapabilityStatement) generated;
        statement.setName("LiaisonHubFhirIntake").setTitle("Liaison Hub FHIR intake")
                .setDescription("Where an EHR sends FHIR R4 resources that Liaison Hub turns into liaison work items"
                        + " (insurance verification, transport, interpreters).");
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        rest.setDocumentation("Create (POST [type]) and update (PUT [type]/[id], which creates a resource the hub"
                + " does not have) of the types listed; POST [base] with a Bundle of type transaction (all or"
                + " nothing), batch (entry by entry), collection or message (processed as a whole). Resources are"
                + " validated against base FHIR R4; invalid ones are answered 400 or 422 with an OperationOutcome."
                + " Nothing can be read back: the hub is not a store of record. Subscription notifications go to"
                + " /api/fhir-notifications.");
        rest.getSecurity().setCors(false).setDescription("Authorization: Bearer <API key or JWT> of a caller with"
                + " the EHR role (docs/security.md)");
        rest.getResource().removeIf(r -> !FhirTypes.ACCEPTED.contains(r.getType()));
        for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            resource.setVersioning(ResourceVersionPolicy.VERSIONED).setReadHistory(false).setUpdateCreate(true)
                    .setConditionalCreate(false).setConditionalUpdate(false)
                    .setDocumentation(FhirTypes.MAPPED.contains(resource.getType())
                            ? "Mapped into work items by the FHIR rule sets (mappings/)"
                            : "Kept so that references from the mapped types resolve");
        }
        rest.getInteraction().stream().filter(i -> i.getCode() == SystemRestfulInteraction.TRANSACTION)
                .forEach(i -> i.setDocumentation("Bundles of type transaction, all or nothing; also collection and"
                        + " message Bundles, processed as a whole"));
        rest.addInteraction().setCode(SystemRestfulInteraction.BATCH)
                .setDocumentation("Each entry on its own: the good ones are kept, each bad one is answered in its"
                        + " entry");
    }
}
