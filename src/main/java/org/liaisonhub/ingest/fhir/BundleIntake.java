package org.liaisonhub.ingest.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
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

    private final FhirIngestService ingest;
    private final BatchIntake batches;
    private final FhirProperties properties;

    public BundleIntake(FhirIngestService ingest, BatchIntake batches, FhirProperties properties) {
        this.ingest = ingest;
        this.batches = batches;
        this.properties = properties;
    }

    /** The kind of request a bundle is, as stored. */
    public static FhirRequest.Kind kindOf(Bundle bundle) {
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
        if (bundle.getEntry().size() > properties.maxBundleEntries()) {
            throw ingest.refuse(request, "Bundle", controlId, 413, FhirProblems.outcome(IssueType.TOOCOSTLY,
                    "The Bundle has " + bundle.getEntry().size() + " entries; this server takes at most "
                            + properties.maxBundleEntries() + " in one (hub.fhir.max-bundle-entries)", "Bundle.entry"));
        }
        return switch (kindOf(bundle)) {
            case TRANSACTION -> transaction(request, bundle, controlId);
            case BATCH -> batches.receive(request, bundle, controlId);
            case COLLECTION -> collection(request, bundle, controlId);
            case MESSAGE -> message(request, bundle, controlId);
            default -> throw ingest.refuse(request, "Bundle", controlId, 400, FhirProblems.outcome(
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
            Entry entry = BundleEntries.requested(bundle.getEntry().get(i), i, problems);
            if (entry != null && !entry.serverAssignsId() && !targets.add(FhirUnit.reference(entry.resource()))) {
                problems.addIssue(FhirProblems.outcome(IssueType.DUPLICATE, FhirUnit.reference(entry.resource())
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
            response.addEntry().setResponse(BundleEntries.kept(entry.resource(), result.versionOf(entry.resource())));
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
                response.addEntry().setResponse(BundleEntries.kept(entry.resource(), version));
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
            throw ingest.refuse(request, "Bundle", controlId, 400, FhirProblems.outcome(IssueType.STRUCTURE,
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
}
