package org.liaisonhub.mapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.fhir.FhirRuleContext;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleSet;
import org.liaisonhub.workitem.PatientChanged;
import org.liaisonhub.workitem.PatientLocation;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;

/**
 * Evaluates the FHIR rule sets against one resource. Expressions read the resource; {@code %patient} and
 * {@code %encounter} are the Patient and the visit the ingest found for it, {@code %mrnSystem} and
 * {@code %visitSystem} the configured identifier systems. Pure: reads, writes nothing.
 */
public class FhirRuleEngine {

    /** The resource types a FHIR rule can be about (the FHIR server also keeps those they refer to). */
    public static final Set<String> RESOURCE_TYPES = Set.of("Patient", "Encounter", "Coverage", "ServiceRequest",
            "Appointment");

    private final List<RuleSet> ruleSets;
    private final FhirPaths paths;
    private final Map<String, String> constants;
    private final Clock clock;

    FhirRuleEngine(List<RuleSet> ruleSets, FhirPaths paths, Map<String, String> constants, Clock clock) {
        this.ruleSets = List.copyOf(ruleSets);
        this.paths = paths;
        this.constants = Map.copyOf(constants);
        this.clock = clock;
    }

    public String describe() {
        return ruleSets.stream().map(s -> s.name() + " (" + s.rules().size() + " rules, " + s.file() + ")")
                .collect(Collectors.joining(", "));
    }

    /** @throws MappingDataException when a rule applies but the resource's patient has no MRN */
    public MappingResult evaluate(FhirSubject subject) {
        return evaluate(subject, RuleTrace.NONE);
    }

    /** As {@link #evaluate}, with a verdict for every rule: why each applied or did not. */
    public MappingResult explain(FhirSubject subject) {
        return evaluate(subject, RuleTrace.explaining());
    }

    private MappingResult evaluate(FhirSubject subject, RuleTrace trace) {
        FhirRuleContext context = new FhirRuleContext(paths, subject, subject.resource(), constants,
                Clock.fixed(clock.instant(), clock.getZone()));
        String type = subject.resource().fhirType();
        List<String> applied = new ArrayList<>();
        List<WorkChange> changes = new ArrayList<>();
        for (RuleSet ruleSet : ruleSets) {
            for (Rule rule : ruleSet.rules()) {
                if (!rule.triggers().contains(type)) {
                    trace.notForThisEvent(ruleSet, rule, type);
                } else if (rule.when().test(context)) {
                    String ruleName = ruleSet.name() + "/" + rule.id();
                    applied.add(ruleName);
                    changes.add(conclude(ruleSet, rule, ruleName, context, subject));
                    trace.applied(ruleSet, rule);
                } else {
                    trace.conditionFailed(ruleSet, rule, context);
                }
            }
        }
        return new MappingResult(applied, changes, trace.verdicts());
    }

    private static WorkChange conclude(RuleSet ruleSet, Rule rule, String ruleName, FhirRuleContext context,
            FhirSubject subject) {
        String mrn = subject.patient() == null ? null : ruleSet.mrn().evaluate(context.on(subject.patient()));
        if (mrn == null) {
            throw new MappingDataException(subject.patient() == null ? patientElement(subject.resource().fhirType())
                    : "Patient.identifier", "Rule " + ruleName + " applies but "
                    + (subject.patient() == null ? "the resource's Patient is not known to the hub"
                    : "the Patient has no MRN (identifier with the hub's MRN system)"));
        }
        String visit = subject.encounter() == null || ruleSet.visitNumber() == null ? null
                : ruleSet.visitNumber().evaluate(context.on(subject.encounter()));
        if (rule.action() instanceof RuleAction.OpenWorkItem open) {
            return new WorkNeeded(open.type(), mrn, visit, WorkItemTerms.key(open.key(), context),
                    open.details().evaluate(context), ruleSet.demographics().evaluate(context.on(subject.patient())),
                    PatientLocation.of(ruleSet.location().evaluate(context)), WorkItemTerms.due(open, context),
                    WorkItemTerms.priority(open, context), ruleName);
        }
        if (rule.action() instanceof RuleAction.UpdateWorkItems update) {
            return new PatientChanged(update.types(), mrn, visit,
                    ruleSet.demographics().evaluate(context.on(subject.patient())),
                    PatientLocation.of(ruleSet.location().evaluate(context)), ruleName);
        }
        RuleAction.CancelWorkItems cancel = (RuleAction.CancelWorkItems) rule.action();
        return new WorkNoLongerNeeded(cancel.types(), mrn, visit,
                cancel.key().isEmpty() ? null : WorkItemTerms.key(cancel.key(), context), cancel.reason(), ruleName);
    }

    /** Where a resource names its patient. */
    private static String patientElement(String type) {
        return type + switch (type) {
            case "Coverage" -> ".beneficiary";
            case "Appointment" -> ".participant.actor";
            default -> ".subject";
        };
    }
}
