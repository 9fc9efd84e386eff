package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Create and update of one resource type on the hub's FHIR server. The body is taken as text, not parsed by HAPI,
 * so that whatever arrives is stored, unreadable or not.
 */
final class TypeEndpoint implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final ResourceIntake intake;
    private final FhirIngestService ingest;

    TypeEndpoint(Class<? extends IBaseResource> type, ResourceIntake intake, FhirIngestService ingest) {
        this.type = type;
        this.intake = intake;
        this.ingest = ingest;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam String body, @ResourceParam EncodingEnum encoding,
            RequestDetails call) {
        FhirRequest request = FhirCalls.take(call, FhirRequest.Kind.CREATE, body, call.getResourceName(), null);
        requireFhirContent(request, encoding, call.getHeader("X-Request-Id"));
        return answer(intake.create(request, call.getHeader("X-Request-Id")));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam String body, @ResourceParam EncodingEnum encoding,
            RequestDetails call) {
        FhirRequest request = FhirCalls.take(call, FhirRequest.Kind.UPDATE, body, call.getResourceName(),
                id.getIdPart());
        requireFhirContent(request, encoding, request.type() + "/" + id.getIdPart());
        return answer(intake.update(request));
    }

    private void requireFhirContent(FhirRequest request, EncodingEnum encoding, String controlId) {
        if (encoding == null) {
            throw ingest.refuse(request, request.type(), controlId, 400, FhirIngestService.outcome(
                    IssueType.STRUCTURE, "The Content-Type must be a FHIR format: application/fhir+json or"
                            + " application/fhir+xml", null));
        }
    }

    private static MethodOutcome answer(ResourceIntake.Accepted accepted) {
        IdType id = new IdType(accepted.resource().fhirType(), accepted.resource().getIdElement().getIdPart(),
                accepted.version() > 0 ? String.valueOf(accepted.version()) : null);
        MethodOutcome outcome = new MethodOutcome(id, accepted.created());
        outcome.setResource(accepted.resource());
        return outcome;
    }
}
