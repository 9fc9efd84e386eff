package org.liaisonhub.mapping.model;

import java.util.List;
import java.util.Set;

/** What a rule does when it applies. */
public sealed interface RuleAction {

    /** Opens a work item, or updates the open one with the same (type, MRN, visit, key). */
    record OpenWorkItem(String type, List<Expr> key, DetailTemplate details) implements RuleAction {
    }

    /** Cancels the open items of the visit, of the given types or of all types when the set is empty. */
    record CancelWorkItems(Set<String> types, String reason) implements RuleAction {
    }
}
