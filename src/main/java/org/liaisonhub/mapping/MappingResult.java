package org.liaisonhub.mapping;

import java.util.List;
import org.liaisonhub.workitem.WorkChange;

/**
 * The rules that applied to a message (as {@code <rule set>/<rule id>}) and the work they concluded; when explained,
 * a verdict for every rule of its kind ({@link RuleVerdict}), else none.
 */
public record MappingResult(List<String> appliedRules, List<WorkChange> changes, List<RuleVerdict> verdicts) {

    /** False when no rule wanted the message. */
    public boolean matched() {
        return !appliedRules.isEmpty();
    }
}
