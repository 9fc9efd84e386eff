package org.liaisonhub.workitem;

/**
 * Filters for the work list; null means "any".
 *
 * @param assignee       only the items of this person
 * @param unassignedOnly only the items nobody has claimed
 * @param openOnly       only the items still owed (not completed or cancelled)
 * @param newestChange   newest change first instead of newest item first
 */
public record WorkItemSearch(String type, WorkItemStatus status, String mrn, String visitNumber, String facility,
        String unit, String vendor, String assignee, boolean unassignedOnly, boolean openOnly, boolean newestChange) {

    /** Every item of a type, status and patient (or visit), newest first. */
    public WorkItemSearch(String type, WorkItemStatus status, String mrn, String visitNumber) {
        this(type, status, mrn, visitNumber, null, null, null, null, false, false, false);
    }
}
