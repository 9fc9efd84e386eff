package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.MessageIntake.Decision;
import org.liaisonhub.ingest.fhir.FhirIngestService.Entry;
import org.liaisonhub.ingest.fhir.FhirIngestService.Result;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.workitem.WorkChange;
import org.springframework.stereotype.Component;

/**
 * The FHIR channel's step of the intake: keeps the resources of a stored message (a new version of each), notes the
 * patient they are about on the message, and evaluates the FHIR rule sets on them, deciding the message's outcome
 * and its work-item changes.
 */
@Component
class FhirResourceMapping {

    private final FhirContext fhir;
    private final RuleBook rules;
    private final FhirResourceIndex index;
    private final EhrFhirServer ehr;
    private final FhirProperties properties;
    private final MessageStore store;

    FhirResourceMapping(FhirContext fhir, RuleBook rules, FhirResourceIndex index, EhrFhirServer ehr,
            FhirProperties properties, MessageStore store) {
        this.fhir = fhir;
        this.rules = rules;
        this.index = index;
        this.ehr = ehr;
        this.properties = properties;
        this.store = store;
    }

    /** Keeps and maps resources under a stored message; entry i gets the id lh-<message>-<first + i>. */
    Decision<Result> apply(long id, List<Entry> entries, int first) {
        FhirUnit unit = new FhirUnit(fhir, new StoredResources(fhir, index, ehr), properties.mrnSystem());
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
        unit.resources().stream().map(unit::patientMrnOf).filter(Objects::nonNull).findFirst()
                .ifPresent(mrn -> store.recordPatient(id, mrn));
        List<WorkChange> changes = new ArrayList<>();
        boolean matched = false;
        // every resource of the request by one set of rules, whatever a reload does meanwhile
        LoadedRules current = rules.current();
        for (Resource resource : unit.resources()) {
            MappingResult mapping = current.fhir().evaluate(unit.subject(resource));
            matched |= mapping.matched();
            changes.addAll(mapping.changes());
        }
        MessageStatus status = matched ? MessageStatus.PROCESSED : MessageStatus.IGNORED;
        return new Decision<>(MessageOutcome.of(status, null).handledBy(current.version()), changes,
                new Result(id, status, versions));
    }

    /** The resource as kept and answered: with its version and when it was received. */
    private String encode(Resource resource, int version) {
        resource.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(new Date());
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    private static String status(Resource resource) {
        var status = resource.getNamedProperty("status");
        return status != null && status.hasValues() ? status.getValues().get(0).primitiveValue() : null;
    }
}
