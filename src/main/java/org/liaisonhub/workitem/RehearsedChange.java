package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a tried message did to the rehearsed work list ({@link RehearsedWorkList}).
 *
 * @param item    the item's number in the rehearsal, 1 for the first it opened
 * @param changed for an update, each changed field with its {@code from} and {@code to}; else empty
 * @param reason  why an item was cancelled; else null
 */
public record RehearsedChange(Action action, int item, String type, String mrn, String visitNumber, String key,
        Map<String, Object> details, Instant due, Priority priority, Map<String, Object> changed, String reason,
        String rule) {

    /** What the change did to the item. */
    public enum Action {
        /** A new open item. */
        OPENED,
        /** An open item took new details, demographics, location, due time or priority. */
        UPDATED,
        /** A rule asked for work an open item already holds, exactly as it is. */
        UNCHANGED,
        /** An open item was closed as no longer needed (or merged into another). */
        CANCELLED,
        /** An open item now belongs to the surviving patient of a merge. */
        MOVED
    }

    /** The details with nested groups flattened to dotted names ({@code pickup.room}), as a work item's are. */
    public Map<String, String> flatDetails() {
        return WorkItem.flat(details);
    }

    static RehearsedChange of(Action action, WorkItem item, Map<String, Object> changed, String reason, String rule) {
        return new RehearsedChange(action, (int) item.id(), item.type(), item.mrn(), item.visitNumber(), item.key(),
                item.details(), item.due(), item.priority(), changed, reason, rule);
    }
}
