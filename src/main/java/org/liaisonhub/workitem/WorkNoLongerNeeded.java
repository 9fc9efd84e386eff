package org.liaisonhub.workitem;

import java.util.Set;

/** Open items of these types (all types when empty) for this patient's visit are to be cancelled. */
public record WorkNoLongerNeeded(Set<String> types, String mrn, String visitNumber, String reason, String rule)
        implements WorkChange {
}
