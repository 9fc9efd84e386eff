package org.liaisonhub.ingest.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.fhir.FhirIngestService.BatchEntry;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
import org.liaisonhub.ingest.fhir.FhirIngestService.EntryOutcome;
import org.liaisonhub.platform.FhirProperties;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a Bundle, as FHIR says each type is taken: a transaction all or nothing, a batch entry by
 * entry (the good ones kept, each bad one answered in its entry), a collection and a message as a whole. Entries
 * of transactions and batches create ({@code POST Type}) or update ({@code PUT Type/id}) a resource of a type the
 * hub accepts; references to a transaction's {@code urn:uuid:} fullUrls are pointed at the ids the hub gives.
 */
@Component
public class BundleIntake {

    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]");

    private final FhirIngestService ingest;
    private final FhirProperties properties;

    public BundleIntake(FhirIngestService ingest, FhirProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    /** The kind of request a bundle is, as stored. */
    static FhirRequest.Kind kindOf(Bundle bundle) {
        return switch (bundle.hasType() ? bundle.getType() : BundleType.NULL) {
            case TRANSACTION -> FhirRequest.Kind.TRANSACTION;
            case BATCH -> FhirRequest.Kind.BATCH;
            case COLLECTION -> FhirRequest.Kind.COLLECTION;
            case MESSAGE -> FhirRequest.Kind.MESSAGE;
            default -> FhirRequest.Kind.BUNDLE;
        };
    }

    /** Takes a bundle (parsed by the caller from the request's text) and answers it. */
    public Bundle receive(FhirRequest request, Bundle bundle) {
        String controlId = bundle.getIdentifier().hasValue() ? bundle.getIdentifier().getValue()
                : bundle.getIdElement().getIdPart();
        return switch (kindOf(bundle)) {
            case TRANSACTION -> transaction(request, bundle, controlId);
            case BATCH -> batch(request, bundle, controlId);
            case COLLECTION -> collection(request, bundle, controlId);
            case MESSAGE -> message(request, bundle, controlId);
            default -> throw ingest.refuse(request, "Bundle", controlId, 400, FhirIngestService.outcome(
                    IssueType.NOTSUPPORTED, "A Bundle of type " + (bundle.hasType() ? bundle.getType().toCode()
                            : "(none)") + " is not taken at [base]; send a transaction, batch, collection or message"
                            + " (subscription notifications go to /api/fhir-notifications)", "Bundle.type"));
        };
    }

    private Bundle transaction(FhirRequest request, Bundle bundle, String controlId) {
        OperationOutcome problems = new OperationOutcome();
        Set<String> targets = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Entry entry = requested(bundle.getEntry().get(i), i, problems);
            if (entry != null && !entry.serverAssignsId() && !targets.add(FhirUnit.reference(entry.resource()))) {
                problems.addIssue(FhirIngestService.outcome(IssueType.DUPLICATE, FhirUnit.reference(entry.resource())
                        + " is the target of more than one entry", "Bundle.entry[" + i + "]").getIssueFirstRep());
            }
            entries.add(entry);
        }
        if (problems.hasIssue()) {
            throw ingest.refuse(request, "Bundle", controlId, 400, problems);
        }
        ingest.validate(request, "Bundle", controlId);
        FhirIngestService.Result result = ingest.process(request, "Bundle", controlId, entries);
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        for (Entry entry : entries) {
            response.addEntry().setResponse(kept(entry.resource(), result.versionOf(entry.resource())));
        }
        return response;
    }

    private Bundle batch(FhirRequest request, Bundle bundle, String controlId) {
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
            Entry entry = requested(bundle.getEntry().get(i), i, problems);
            if (problems.hasIssue()) {
                entries.add(BatchEntry.refused(400, problems));
            } else if (invalid.containsKey(i)) {
                entries.add(BatchEntry.refused(422, invalid.get(i)));
            } else {
                entries.add(BatchEntry.accepted(entry));
            }
        }
        List<EntryOutcome> outcomes = ingest.processBatch(request, controlId, entries);
        Bundle response = new Bundle().setType(BundleType.BATCHRESPONSE);
        for (int i = 0; i < entries.size(); i++) {
            EntryOutcome outcome = outcomes.get(i);
            Bundle.BundleEntryResponseComponent answer = outcome.problems() == null
                    ? kept(entries.get(i).entry().resource(), outcome.version())
                    : new Bundle.BundleEntryResponseComponent().setStatus(status(outcome.status()))
                            .setOutcome(outcome.problems());
            response.addEntry().setResponse(answer);
        }
        return response;
    }

    /** A collection, answered like a transaction: where each resource it holds is kept. */
    private Bundle collection(FhirRequest request, Bundle bundle, String controlId) {
        List<Entry> entries = new ArrayList<>();
        FhirIngestService.Result result = whole(request, bundle, controlId, entries);
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        for (Entry entry : entries) {
            int version = result.versionOf(entry.resource());
            if (version > 0) {
                response.addEntry().setResponse(kept(entry.resource(), version));
            }
        }
        return response;
    }

    /** Every resource of a collection or a message, processed together; those taken are added to entries. */
    private FhirIngestService.Result whole(FhirRequest request, Bundle bundle, String controlId, List<Entry> entries) {
        ingest.validate(request, "Bundle", controlId);
        for (BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.hasResource()) {
                entries.add(new Entry(entry.getResource(), entry.getFullUrl(), false));
            }
        }
        return ingest.process(request, "Bundle", controlId, entries);
    }

    /** A message, answered by a response message (MessageHeader.response) once its resources are processed. */
    private Bundle message(FhirRequest request, Bundle bundle, String controlId) {
        if (!(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw ingest.refuse(request, "Bundle", controlId, 400, FhirIngestService.outcome(IssueType.STRUCTURE,
                    "A message's first entry must be its MessageHeader", "Bundle.entry[0]"));
        }
        String requestHeaderId = header.getIdElement().getIdPart();
        whole(request, bundle, controlId, new ArrayList<>());
        MessageHeader answer = new MessageHeader();
        answer.setId(UUID.randomUUID().toString());
        answer.setEvent(header.getEvent());
        answer.setSource(new MessageHeader.MessageSourceComponent().setName("Liaison Hub")
                .setEndpoint(properties.sourceEndpoint()));
        if (header.getSource().hasEndpoint()) {
            answer.addDestination().setEndpoint(header.getSource().getEndpoint());
        }
        answer.setResponse(new MessageHeader.MessageHeaderResponseComponent()
                .setIdentifier(requestHeaderId == null ? "" : requestHeaderId)
                .setCode(MessageHeader.ResponseType.OK));
        Bundle response = new Bundle().setType(BundleType.MESSAGE).setTimestampElement(InstantType.now());
        response.setId(UUID.randomUUID().toString());
        response.addEntry().setFullUrl("urn:uuid:" + answer.getIdElement().getIdPart()).setResource(answer);
        return response;
    }

    /**
     * The resource a transaction or batch entry creates or updates, with its id where the URL names it; null,
     * with the problems added, when the entry is not one the hub takes.
     */
    private static Entry requested(BundleEntryComponent entry, int index, OperationOutcome problems) {
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
        problems.addIssue(FhirIngestService.outcome(type, text, expression).getIssueFirstRep());
    }

    private static Bundle.BundleEntryResponseComponent kept(Resource resource, int version) {
        Bundle.BundleEntryResponseComponent response = new Bundle.BundleEntryResponseComponent()
                .setStatus(status(version == 1 ? 201 : 200))
                .setLocation(FhirUnit.reference(resource) + (version > 0 ? "/_history/" + version : ""));
        if (version > 0) {
            response.setEtag("W/\"" + version + "\"").setLastModified(resource.getMeta().getLastUpdated());
        }
        return response;
    }

    private static String status(int code) {
        return code + switch (code) {
            case 200 -> " OK";
            case 201 -> " Created";
            case 400 -> " Bad Request";
            case 422 -> " Unprocessable Entity";
            default -> " Internal Server Error";
        };
    }
}
