package org.liaisonhub.mapping;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleSet;

/** The loaded rule sets of the mappings directory, split by what they read. */
public final class Mappings {

    private final List<RuleSet> ruleSets;
    private final FhirPaths fhirPaths;

    public Mappings(List<RuleSet> ruleSets, FhirPaths fhirPaths) {
        this.ruleSets = List.copyOf(ruleSets);
        this.fhirPaths = fhirPaths;
    }

    /** @param clock what "now" is to the rules, in the zone of times sent without an offset */
    public Hl7RuleEngine hl7(Clock clock) {
        return new Hl7RuleEngine(of(RuleSet.Source.HL7V2), clock);
    }

    /** @param constants the FHIRPath constants of the hub: {@code mrnSystem}, {@code visitSystem} */
    public FhirRuleEngine fhir(Map<String, String> constants, Clock clock) {
        return new FhirRuleEngine(of(RuleSet.Source.FHIR), fhirPaths, constants, clock);
    }

    public Set<String> names() {
        return ruleSets.stream().map(RuleSet::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every loaded rule set, in name order, as people read it. */
    public List<RuleSetSummary> summaries() {
        return ruleSets.stream().map(RuleSetSummary::of)
                .sorted(Comparator.comparing(RuleSetSummary::name)).toList();
    }

    /** The work-item types the rules open, in name order: what a work list can be filtered by. */
    public Set<String> workItemTypes() {
        return ruleSets.stream().flatMap(set -> set.rules().stream())
                .map(Rule::action).filter(RuleAction.OpenWorkItem.class::isInstance)
                .map(open -> ((RuleAction.OpenWorkItem) open).type())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private List<RuleSet> of(RuleSet.Source source) {
        return ruleSets.stream().filter(s -> s.source() == source).toList();
    }
}
