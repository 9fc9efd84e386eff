package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.ingest.TriedMessage;
import org.liaisonhub.mapping.FhirRuleEngine;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.mapping.RuleVerdict;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.workitem.RehearsedWorkList;
import org.liaisonhub.workitem.WorkChange;

/**
 * One FHIR R4 resource or Bundle of a trial, through the FHIR rules as the FHIR channel applies them: references
 * resolve within it, then to the resources of the trial's earlier messages (not to the EHR, nor to what the hub
 * keeps), and the changes go to a {@link RehearsedWorkList}. Resources are not validated against R4 here; the FHIR
 * server does that too.
 */
public final class FhirTrial {

    private final FhirContext fhir;
    private final FhirRuleEngine rules;
    private final String mrnSystem;
    private final Earlier earlier = new Earlier();
    private int count;

    public FhirTrial(FhirContext fhir, FhirRuleEngine rules, FhirProperties properties) {
        this.fhir = fhir;
        this.rules = rules;
        this.mrnSystem = properties.mrnSystem();
    }

    public TriedMessage run(String source, String json, RehearsedWorkList workList, boolean explain) {
        Resource parsed;
        try {
            parsed = (Resource) fhir.newJsonParser().parseResource(json);
        } catch (DataFormatException | ClassCastException e) {
            return failed(source, null, "REJECTED", "400", "Not a FHIR R4 resource in JSON: " + e.getMessage());
        }
        FhirUnit unit = new FhirUnit(fhir, earlier, mrnSystem);
        List<Resource> resources = new ArrayList<>();
        if (parsed instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    resources.add(entry.getResource());
                    unit.add(entry.getResource(), "trial-" + ++count, entry.getFullUrl());
                }
            }
        } else {
            resources.add(parsed);
            unit.add(parsed, "trial-" + ++count, null);
        }
        String event = String.join(", ", new TreeSet<>(resources.stream().map(Resource::fhirType).toList()));
        Optional<Resource> refused = resources.stream().filter(r -> !FhirTypes.ACCEPTED.contains(r.fhirType()))
                .findFirst();
        if (refused.isPresent()) {
            return failed(source, event, "REJECTED", "400", refused.get().fhirType() + " is not a resource type the"
                    + " hub takes; it takes " + FhirTypes.ACCEPTED);
        }
        unit.linkReferences();
        List<String> applied = new ArrayList<>();
        List<WorkChange> changes = new ArrayList<>();
        List<RuleVerdict> verdicts = new ArrayList<>();
        try {
            for (Resource resource : unit.resources()) {
                MappingResult mapping = explain ? rules.explain(unit.subject(resource))
                        : rules.evaluate(unit.subject(resource));
                applied.addAll(mapping.appliedRules());
                changes.addAll(mapping.changes());
                verdicts.addAll(mapping.verdicts());
            }
        } catch (MappingDataException unusable) {
            return failed(source, event, "ERROR", "422", unusable.getMessage() + " (at " + unusable.fhirPath() + ")");
        }
        unit.resources().forEach(resource -> earlier.resources.put(FhirUnit.reference(resource), resource));
        return new TriedMessage(source, "FHIR", event, applied.isEmpty() ? "IGNORED" : "PROCESSED", "200", null,
                null, applied, workList.apply(changes), verdicts);
    }

    /** The resources of the trial's earlier messages: all a reference reaches beyond its own message. */
    private static final class Earlier implements KnownResources {

        private final Map<String, Resource> resources = new LinkedHashMap<>();

        @Override
        public Optional<Resource> find(String reference) {
            return Optional.ofNullable(resources.get(reference));
        }

        @Override
        public Optional<Resource> openEncounterOf(String patientRef) {
            Resource open = null;
            for (Resource resource : resources.values()) {
                if (resource instanceof Encounter encounter && encounter.hasStatus()
                        && FhirResourceIndex.OPEN_VISIT.contains(encounter.getStatus().toCode())
                        && patientRef.equals(encounter.getSubject().getReference())) {
                    open = encounter;
                }
            }
            return Optional.ofNullable(open);
        }
    }

    private static TriedMessage failed(String source, String event, String status, String answer, String problem) {
        return new TriedMessage(source, "FHIR", event, status, answer, null, problem, List.of(), List.of(), List.of());
    }
}
