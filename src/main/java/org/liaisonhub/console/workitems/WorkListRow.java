package org.liaisonhub.console.workitems;

import java.time.Instant;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemStatus;

/** One line of the work list. */
record WorkListRow(long id, String type, WorkItemStatus status, String patient, String mrn, String visit,
        String assignee, Instant createdAt, Instant updatedAt) {

    static WorkListRow of(WorkItem item) {
        return new WorkListRow(item.id(), item.type(), item.status(), PatientView.listName(item.patient()),
                item.mrn(), item.visitNumber(), item.assignee(), item.createdAt(), item.updatedAt());
    }
}
