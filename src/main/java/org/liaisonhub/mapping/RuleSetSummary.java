package org.liaisonhub.mapping;

import java.util.List;
import java.util.Set;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleSet;

/**
 * A loaded rule set as people read it: its file, what it reads, and each rule's triggers and the work it opens or
 * cancels.
 *
 * @param source {@code HL7V2} or {@code FHIR}
 */
public record RuleSetSummary(String name, String file, String source, String messageType, List<RuleSummary> rules) {

    /**
     * One rule.
     *
     * @param triggers trigger events (HL7 v2) or resource types (FHIR)
     * @param opens    the work-item type it opens, or null
     * @param cancels  the types it cancels (empty: all), when it cancels
     * @param updates  the types whose patient and location it updates (empty: all), when it updates
     */
    public record RuleSummary(String id, Set<String> triggers, String forEach, String opens, Set<String> cancels,
            Set<String> updates) {

        /** What the rule does, as the mappings page says it. */
        public String does() {
            if (opens != null) {
                return "opens " + opens;
            }
            if (cancels != null) {
                return cancels.isEmpty() ? "cancels every open item of the visit"
                        : "cancels " + String.join(", ", cancels);
            }
            if (updates != null) {
                return "updates the patient and location of " + (updates.isEmpty() ? "every open item of the visit"
                        : "the visit's open " + String.join(", ", updates));
            }
            return "moves the open items of the merged-away MRN to the surviving one";
        }
    }

    static RuleSetSummary of(RuleSet set) {
        return new RuleSetSummary(set.name(), set.file(), set.source().name(), set.messageType(),
                set.rules().stream().map(RuleSetSummary::rule).toList());
    }

    private static RuleSummary rule(Rule rule) {
        if (rule.action() instanceof RuleAction.OpenWorkItem open) {
            return new RuleSummary(rule.id(), rule.triggers(), rule.forEach(), open.type(), null, null);
        }
        if (rule.action() instanceof RuleAction.CancelWorkItems cancel) {
            return new RuleSummary(rule.id(), rule.triggers(), rule.forEach(), null, cancel.types(), null);
        }
        if (rule.action() instanceof RuleAction.UpdateWorkItems update) {
            return new RuleSummary(rule.id(), rule.triggers(), rule.forEach(), null, null, update.types());
        }
        return new RuleSummary(rule.id(), rule.triggers(), rule.forEach(), null, null, null);
    }
}
