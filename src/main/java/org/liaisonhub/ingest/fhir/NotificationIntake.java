package org.liaisonhub.ingest.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.fhir.EhrFhirServer.EhrFetchException;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
import org.springframework.stereotype.Component;

/**
 * Subscription notifications in the R4 Subscriptions Backport style: a {@code history} Bundle whose first entry is
 * a SubscriptionStatus {@code Parameters}. Handshakes, heartbeats and status queries are kept and answered, and
 * create nothing. Event notifications are processed like a transaction: full-resource payloads as they come,
 * id-only ones read from the EHR's FHIR server first (a failure to read keeps the notification in ERROR, to be
 * reprocessed, and tells the EHR: 503 when asking again may help, else 422).
 */
@Component
public class NotificationIntake {

    private final FhirIngestService ingest;
    private final EhrFhirServer ehr;

    public NotificationIntake(FhirIngestService ingest, EhrFhirServer ehr) {
        this.ingest = ingest;
        this.ehr = ehr;
    }

    /** Takes a notification and says what became of it. */
    public OperationOutcome receive(FhirRequest request) {
        IBaseResource parsed = ingest.parse(request);
        Parameters status = parsed instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.HISTORY
                && bundle.getEntryFirstRep().getResource() instanceof Parameters parameters ? parameters : null;
        if (status == null) {
            throw ingest.refuse(request, parsed.fhirType(), null, 400, FhirProblems.outcome(IssueType.STRUCTURE,
                    "A subscription notification is a Bundle of type history whose first entry is a"
                            + " SubscriptionStatus Parameters", "Bundle.entry[0]"));
        }
        Bundle notification = (Bundle) parsed;
        String controlId = controlId(status);
        ingest.validate(request, "Bundle", controlId);
        String type = value(status, "type");
        if (!"event-notification".equals(type) && !"query-event".equals(type)) {
            long id = ingest.ignore(request, "Bundle", controlId);
            return information((type == null ? "A notification without type" : "A " + type)
                    + " was received and kept as message " + id + "; it creates nothing");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        for (BundleEntryComponent entry : notification.getEntry().subList(1, notification.getEntry().size())) {
            if (entry.hasResource()) {
                entries.add(new Entry(entry.getResource(), entry.getFullUrl(), false));
            } else if (entry.getRequest().getMethod() != Bundle.HTTPVerb.DELETE) {
                String reference = entry.hasFullUrl() ? entry.getFullUrl() : entry.getRequest().getUrl();
                toFetch.putIfAbsent(relative(reference), reference);
            }
        }
        for (Reference focus : focuses(status)) {
            toFetch.putIfAbsent(relative(focus.getReference()), focus.getReference());
        }
        entries.forEach(e -> toFetch.remove(FhirUnit.reference(e.resource())));
        if (entries.isEmpty() && toFetch.isEmpty()) {
            throw ingest.refuse(request, "Bundle", controlId, 422, FhirProblems.outcome(IssueType.NOTSUPPORTED,
                    "The notification names no resource (content 'empty'); subscribe with content id-only or"
                            + " full-resource", "Bundle.entry"));
        }
        for (String reference : toFetch.values()) {
            entries.add(new Entry(fetch(request, controlId, reference), reference, false));
        }
        FhirIngestService.Result result = ingest.process(request, "Bundle", controlId, entries);
        return information("The notification was processed as message " + result.messageId() + ": "
                + result.status());
    }

    private Resource fetch(FhirRequest request, String controlId, String reference) {
        try {
            return ehr.fetch(reference);
        } catch (EhrFetchException failed) {
            throw ingest.fail(request, "Bundle", controlId, failed.temporary() ? 503 : 422,
                    FhirProblems.outcome(failed.temporary() ? IssueType.TRANSIENT : IssueType.NOTFOUND,
                            "The notification's resource could not be read: " + failed.getMessage(), null));
        }
    }

    /** Which subscription and which events: how the notification is found in the message store. */
    private static String controlId(Parameters status) {
        String subscription = status.getParameter().stream().filter(p -> "subscription".equals(p.getName()))
                .map(p -> p.getValue() instanceof Reference r ? relative(r.getReference()) : null)
                .findFirst().orElse(null);
        List<String> events = status.getParameter().stream().filter(p -> "notification-event".equals(p.getName()))
                .map(p -> part(p, "event-number")).filter(e -> e != null && e.hasPrimitiveValue())
                .map(e -> e.primitiveValue()).toList();
        String numbers = events.isEmpty() ? value(status, "events-since-subscription-start")
                : String.join(",", events);
        return subscription == null ? null : subscription + (numbers == null ? "" : ":" + numbers);
    }

    private static List<Reference> focuses(Parameters status) {
        return status.getParameter().stream().filter(p -> "notification-event".equals(p.getName()))
                .map(p -> part(p, "focus"))
                .filter(v -> v instanceof Reference r && r.hasReference())
                .map(Reference.class::cast).toList();
    }

    private static org.hl7.fhir.r4.model.Type part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> name.equals(p.getName())).map(p -> p.getValue())
                .findFirst().orElse(null);
    }

    private static String value(Parameters status, String name) {
        return status.getParameter().stream().filter(p -> name.equals(p.getName()) && p.hasValue())
                .map(p -> p.getValue().primitiveValue()).findFirst().orElse(null);
    }

    /** {@code Type/id} of a relative or absolute reference, the key resources are told apart by. */
    private static String relative(String reference) {
        IdType id = new IdType(reference);
        return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : reference;
    }

    private static OperationOutcome information(String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(text);
        return outcome;
    }
}
