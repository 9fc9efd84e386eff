package org.liaisonhub.ingest.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;

/** The entries of a transaction or batch: what each asks to create or update, and how each is answered. */
final class BundleEntries {

    private BundleEntries() {
    }

    /**
     * The resource a transaction or batch entry creates or updates, with its id where the URL names it; null,
     * with the problems added, when the entry is not one the hub takes.
     */
    static Entry requested(BundleEntryComponent entry, int index, OperationOutcome problems) {
        String at = "Bundle.entry[" + index + "]";
        BundleEntryRequestComponent request = entry.getRequest();
        Resource resource = entry.getResource();
        int before = problems.getIssue().size();
        if (!entry.hasRequest() || !request.hasMethod() || !request.hasUrl()) {
            problem(problems, IssueType.REQUIRED, "An entry needs a request with a method and a url", at + ".request");
        } else if (request.getMethod() != HTTPVerb.POST && request.getMethod() != HTTPVerb.PUT) {
            problem(problems, IssueType.NOTSUPPORTED, request.getMethod().toCode() + " is not supported: the hub"
                    + " takes POST (create) and PUT (update) entries", at + ".request.method");
        } else if (request.hasIfNoneExist() || request.getUrl().contains("?")) {
            problem(problems, IssueType.NOTSUPPORTED, "Conditional creates and updates are not supported",
                    at + ".request.url");
        }
        if (resource == null) {
            problem(problems, IssueType.REQUIRED, "An entry needs the resource it creates or updates",
                    at + ".resource");
        } else if (!FhirTypes.ACCEPTED.contains(resource.fhirType())) {
            problem(problems, IssueType.NOTSUPPORTED, resource.fhirType() + " is not a resource type the hub"
                    + " takes; it takes " + FhirTypes.ACCEPTED, at + ".resource");
        }
        if (problems.getIssue().size() > before) {
            return null;
        }
        IdType url = new IdType(request.getUrl());
        boolean create = request.getMethod() == HTTPVerb.POST;
        String urlType = create ? request.getUrl().replaceAll("/+$", "") : url.getResourceType();
        if (!resource.fhirType().equals(urlType) || !create && !url.hasIdPart()) {
            problem(problems, IssueType.INVALID, "The url " + request.getUrl() + " is not " + (create
                    ? resource.fhirType() : resource.fhirType() + "/[id]") + " for this " + resource.fhirType(),
                    at + ".request.url");
            return null;
        }
        if (!create) {
            String bodyId = resource.getIdElement().getIdPart();
            if (bodyId != null && !bodyId.equals(url.getIdPart())) {
                problem(problems, IssueType.INVALID, "The resource's id (" + bodyId + ") is not the id in the url ("
                        + url.getIdPart() + ")", at + ".resource.id");
                return null;
            }
            resource.setId(url.getIdPart());
        }
        return new Entry(resource, entry.getFullUrl(), create);
    }

    private static void problem(OperationOutcome problems, IssueType type, String text, String expression) {
        problems.addIssue(FhirProblems.outcome(type, text, expression).getIssueFirstRep());
    }

    static Bundle.BundleEntryResponseComponent kept(Resource resource, int version) {
        Bundle.BundleEntryResponseComponent response = new Bundle.BundleEntryResponseComponent()
                .setStatus(status(version == 1 ? 201 : 200))
                .setLocation(FhirUnit.reference(resource) + (version > 0 ? "/_history/" + version : ""));
        if (version > 0) {
            response.setEtag("W/\"" + version + "\"").setLastModified(resource.getMeta().getLastUpdated());
        }
        return response;
    }

    static String status(int code) {
        return code + switch (code) {
            case 200 -> " OK";
            case 201 -> " Created";
            case 400 -> " Bad Request";
            case 422 -> " Unprocessable Entity";
            default -> " Internal Server Error";
        };
    }
}
