package org.liaisonhub.mapping.model;

import java.util.List;
import java.util.Set;

/** What a rule does when it applies. */
public sealed interface RuleAction {

    /**
     * Opens a work item, or updates the open one with the same (type, MRN, visit, key).
     *
     * @param due      when the work is due (an ISO 8601 time), null when the rule sets none
     * @param priority routine, urgent, asap or stat; null for routine
     */
    record OpenWorkItem(String type, List<Expr> key, DetailTemplate details, Expr due, Expr priority)
            implements RuleAction {
    }

    /**
     * Cancels the open items of the visit, of the given types or of all types when the set is empty; with a key,
     * only the items whose key starts with it (an appointment's items, whatever their leg).
     */
    record CancelWorkItems(Set<String> types, List<Expr> key, String reason) implements RuleAction {
    }

    /** Moves the open items of the merged-away MRN ({@code from}, MRG-1) to the patient's MRN. */
    record MergePatient(Expr from) implements RuleAction {
    }

    /** Gives the visit's open items of the given types (all when empty) the patient's demographics and location. */
    record UpdateWorkItems(Set<String> types) implements RuleAction {
    }
}
