package org.liaisonhub.workitem;

import java.util.Set;

/**
 * Open items of these types (all types when empty) for this patient's visit are to be cancelled; with a key, only
 * those whose key is it or starts with it and a {@code |} (an appointment's interpreter and both transport legs).
 */
public record WorkNoLongerNeeded(Set<String> types, String mrn, String visitNumber, String key, String reason,
        String rule) implements WorkChange {
}
