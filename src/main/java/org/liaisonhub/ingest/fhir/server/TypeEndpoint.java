package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.liaisonhub.ingest.fhir.FhirRequest;
import org.liaisonhub.ingest.fhir.ResourceIntake;

/**
 * Create and update of one resource type on the hub's FHIR server. The body is taken as the text that arrived,
 * which is what the message store keeps; a body HAPI cannot read (or without a FHIR Content-Type) is refused by
 * HAPI before it gets here, and kept by {@link FhirServerHooks}.
 */
final class TypeEndpoint implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final ResourceIntake intake;

    TypeEndpoint(Class<? extends IBaseResource> type, ResourceIntake intake) {
        this.type = type;
        this.intake = intake;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Create
    public MethodOutcome create(@ResourceParam String body, RequestDetails call) {
        return answer(intake.create(FhirCalls.take(call, FhirRequest.Kind.CREATE, body, call.getResourceName(),
                null)));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam String body, RequestDetails call) {
        return answer(intake.update(FhirCalls.take(call, FhirRequest.Kind.UPDATE, body, call.getResourceName(),
                id.getIdPart())));
    }

    private static MethodOutcome answer(ResourceIntake.Accepted accepted) {
        IdType id = new IdType(accepted.resource().fhirType(), accepted.resource().getIdElement().getIdPart(),
                accepted.version() > 0 ? String.valueOf(accepted.version()) : null);
        MethodOutcome outcome = new MethodOutcome(id, accepted.created());
        outcome.setResource(accepted.resource());
        return outcome;
    }
}
