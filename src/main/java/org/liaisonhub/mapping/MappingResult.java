package org.liaisonhub.mapping;

import java.util.List;
import org.liaisonhub.workitem.WorkChange;

/** The rules that applied to a message (as {@code <rule set>/<rule id>}) and the work they concluded. */
public record MappingResult(List<String> appliedRules, List<WorkChange> changes) {

    /** False when no rule wanted the message. */
    public boolean matched() {
        return !appliedRules.isEmpty();
    }
}
