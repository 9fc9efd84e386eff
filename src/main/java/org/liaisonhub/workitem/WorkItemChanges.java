package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a message changes on an open item, field by field ({@code from}, {@code to}), as its history records it:
 * empty when the message changes nothing, and then the item, its history and its vendor are left alone.
 */
final class WorkItemChanges {

    private WorkItemChanges() {
    }

    /**
     * Details, demographics, location, due time and priority compared as one: a corrected birth date, a move to
     * another unit or a rescheduled appointment matters to a vendor as much as a room.
     */
    static Map<String, Object> of(WorkItem item, WorkNeeded needed) {
        Map<String, Object> before = compared(item.details(), item.patient(), item.location(), item.due(),
                item.priority());
        // an item opened before locations were kept learns its location with its next real change, not as one
        Map<String, Object> after = compared(needed.details(), needed.patient(),
                item.location().equals(PatientLocation.UNKNOWN) ? PatientLocation.UNKNOWN : needed.location(),
                needed.due(), needed.priority());
        return changedFields(before, after);
    }

    /** What a move or a change of class changes on an item: its demographics and location only. */
    static Map<String, Object> of(WorkItem item, PatientChanged changed) {
        return changedFields(patientAndPlace(item.patient(), item.location()),
                patientAndPlace(changed.patient(), changed.location()));
    }

    private static Map<String, Object> compared(Map<String, Object> details, Map<String, Object> patient,
            PatientLocation location, Instant due, Priority priority) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (due != null) {
            all.put("due", due.toString());
        }
        all.put("priority", priority.code());
        all.putAll(patientAndPlace(patient, location));
        return all;
    }

    /** The demographics and location as compared and recorded in the history (empty parts left out). */
    private static Map<String, Object> patientAndPlace(Map<String, Object> patient, PatientLocation location) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (!patient.isEmpty()) {
            all.put("patient", patient);
        }
        if (!location.equals(PatientLocation.UNKNOWN)) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("facility", location.facility());
            where.put("unit", location.unit());
            all.put("location", where);
        }
        return all;
    }

    private static Map<String, Object> changedFields(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object from = before.get(name);
            Object to = after.get(name);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changed.put(name, change);
            }
        }
        return changed;
    }
}
