package org.liaisonhub.workitem;

import java.util.Map;
import java.util.Set;

/**
 * The patient of this visit moved (A02 transfer, A12 its cancel) or changed class (A06, A07): the visit's open items
 * of these types (all when empty) learn the demographics and location the message carries. Details stay as they are:
 * a rule that reads the room (the interpreter's) updates its own item, and its vendor, as any update does.
 */
public record PatientChanged(Set<String> types, String mrn, String visitNumber, Map<String, Object> patient,
        PatientLocation location, String rule) implements WorkChange {
}
