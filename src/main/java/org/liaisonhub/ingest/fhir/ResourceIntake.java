package org.liaisonhub.ingest.fhir;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
import org.springframework.stereotype.Component;

/**
 * A create ({@code POST /fhir/Patient}) or an update ({@code PUT /fhir/Patient/123}) of one resource: the body
 * must be a resource of that type (for an update with the id of the URL), valid FHIR R4; it is then kept and
 * mapped like any other. An update of a resource the hub does not have creates it, under the EHR's id.
 */
@Component
public class ResourceIntake {

    private final FhirIngestService ingest;

    public ResourceIntake(FhirIngestService ingest) {
        this.ingest = ingest;
    }

    /** The resource as kept (with its id and meta) and its version: 1 when this request created it. */
    public record Accepted(Resource resource, int version) {

        public boolean created() {
            return version == 1;
        }
    }

    /** A create: the hub names the resource; the request's X-Request-Id, if any, is its control id. */
    public Accepted create(FhirRequest request) {
        Resource resource = typed(request, null);
        ingest.validate(request, request.type(), null);
        return keep(request, null, resource, true);
    }

    /** An update; processed again from the store, the id is the one in the body (it was checked on arrival). */
    public Accepted update(FhirRequest request) {
        String urlId = request.id();
        Resource resource = typed(request, urlId == null ? null : request.type() + "/" + urlId);
        String bodyId = resource.getIdElement().getIdPart();
        String controlId = request.type() + "/" + (urlId != null ? urlId : bodyId);
        if (bodyId == null) {
            throw ingest.refuse(request, request.type(), controlId, 400, FhirProblems.outcome(IssueType.REQUIRED,
                    "An update must carry the resource's id, the one in the URL", request.type() + ".id"));
        }
        if (urlId != null && !urlId.equals(bodyId)) {
            throw ingest.refuse(request, request.type(), controlId, 400, FhirProblems.outcome(IssueType.INVALID,
                    "The id in the body (" + bodyId + ") is not the id in the URL (" + urlId + ")",
                    request.type() + ".id"));
        }
        ingest.validate(request, request.type(), controlId);
        return keep(request, controlId, resource, false);
    }

    private Accepted keep(FhirRequest request, String controlId, Resource resource, boolean serverAssignsId) {
        FhirIngestService.Result result = ingest.process(request, request.type(), controlId,
                List.of(new Entry(resource, null, serverAssignsId)));
        return new Accepted(resource, result.versionOf(resource));
    }

    /** The body, parsed, when it is a resource of the request's type. */
    private Resource typed(FhirRequest request, String controlId) {
        IBaseResource parsed = ingest.parse(request);
        if (!(parsed instanceof Resource resource) || !request.type().equals(resource.fhirType())) {
            throw ingest.refuse(request, request.type(), controlId, 400, FhirProblems.outcome(IssueType.INVALID,
                    "The body is a " + parsed.fhirType() + "; this endpoint takes a " + request.type(), null));
        }
        return resource;
    }
}
