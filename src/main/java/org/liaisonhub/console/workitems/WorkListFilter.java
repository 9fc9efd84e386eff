package org.liaisonhub.console.workitems;

import org.liaisonhub.workitem.WorkItemSearch;
import org.liaisonhub.workitem.WorkItemStatus;

/**
 * The work list's filters as the page sends them (no patient data: types, statuses and whose items).
 *
 * @param status   a status, {@code OPEN} (any status still owed, the default) or {@code ALL}
 * @param assignee {@code me}, {@code unassigned} or {@code anyone} (the default)
 * @param sort     {@code created} (newest item first, the default) or {@code updated} (newest change first)
 */
record WorkListFilter(String type, String status, String assignee, String sort) {

    WorkListFilter {
        type = blank(type) ? null : type;
        status = blank(status) ? "OPEN" : status;
        assignee = blank(assignee) ? "anyone" : assignee;
        sort = blank(sort) ? "created" : sort;
    }

    WorkItemSearch search(String me) {
        WorkItemStatus exact = "OPEN".equals(status) || "ALL".equals(status) ? null : WorkItemStatus.valueOf(status);
        return new WorkItemSearch(type, exact, null, null, "me".equals(assignee) ? me : null,
                "unassigned".equals(assignee), "OPEN".equals(status), "updated".equals(sort));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
