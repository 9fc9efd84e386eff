package org.liaisonhub.workitem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One recorded change of a work item. {@code detail} holds what changed (fields, reason, note). */
public record HistoryEntry(
        long id,
        Instant at,
        String action,
        WorkItemStatus fromStatus,
        WorkItemStatus toStatus,
        String actor,
        Long messageId,
        JsonNode detail) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String NOTE = "NOTE";
    public static final String DISPATCHED = "DISPATCHED";
    public static final String DISPATCH_FAILED = "DISPATCH_FAILED";
    public static final String DISPATCH_WAITING = "DISPATCH_WAITING";
    public static final String VENDOR_UPDATE = "VENDOR_UPDATE";
    /** The item's patient was merged into another MRN (detail: the MRNs, or the item it was merged into). */
    public static final String MERGED = "MERGED";
    /** The item was found open past its due time (detail: the due time). */
    public static final String OVERDUE = "OVERDUE";
}
