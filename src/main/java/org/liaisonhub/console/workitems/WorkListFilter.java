package org.liaisonhub.console.workitems;

import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkItemSearch;
import org.liaisonhub.workitem.WorkItemStatus;

/**
 * The work list's filters as the page sends them (no patient data: types, statuses, places, vendors and whose
 * items). The vendor's side of an item is its status (QUEUED, SENT, ACCEPTED, FAILED) with the vendor named here.
 *
 * @param status   a status, {@code OPEN} (any status still owed, the default) or {@code ALL}
 * @param facility the patient's facility, {@code unit} their unit (PV1-3.4 and PV1-3.1 on the HL7 side)
 * @param vendor   the vendor the item was handed to
 * @param assignee {@code me}, {@code unassigned} or {@code anyone} (the default)
 * @param priority {@code routine}, {@code urgent}, {@code asap} or {@code stat}; blank for any
 * @param overdue  {@code yes}: only the items past their due time
 * @param sort     {@code created} (newest item first, the default), {@code updated} (newest change first),
 *                 {@code due} (soonest due first) or {@code priority} (most urgent first)
 */
record WorkListFilter(String type, String status, String facility, String unit, String vendor, String assignee,
        String priority, String overdue, String sort) {

    WorkListFilter {
        type = blank(type) ? null : type;
        status = blank(status) ? "OPEN" : status;
        facility = blank(facility) ? null : facility.trim();
        unit = blank(unit) ? null : unit.trim();
        vendor = blank(vendor) ? null : vendor;
        assignee = blank(assignee) ? "anyone" : assignee;
        priority = blank(priority) ? null : priority;
        overdue = blank(overdue) ? null : overdue;
        sort = blank(sort) ? "created" : sort;
    }

    WorkItemSearch search(String me) {
        WorkItemStatus exact = "OPEN".equals(status) || "ALL".equals(status) ? null : WorkItemStatus.valueOf(status);
        return new WorkItemSearch(type, exact, null, null, facility, unit, vendor, "me".equals(assignee) ? me : null,
                priority == null ? null : Priority.of(priority), "unassigned".equals(assignee), "OPEN".equals(status),
                "yes".equals(overdue), WorkItemSearch.Order.of(sort));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
