package org.liaisonhub.workitem;

/** Filters for the work list; null means "any". */
public record WorkItemSearch(String type, WorkItemStatus status, String mrn, String visitNumber) {
}
