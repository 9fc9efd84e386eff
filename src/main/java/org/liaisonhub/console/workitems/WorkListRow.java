package org.liaisonhub.console.workitems;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemStatus;

/** One line of the work list; {@code where} is the facility and unit, {@code vendor} who has the request. */
record WorkListRow(long id, String type, WorkItemStatus status, Priority priority, Instant due, boolean overdue,
        String patient, String mrn, String visit, String where, String vendor, String assignee, Instant createdAt,
        Instant updatedAt) {

    static WorkListRow of(WorkItem item) {
        String where = Stream.of(item.location().facility(), item.location().unit()).filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
        return new WorkListRow(item.id(), item.type(), item.status(), item.priority(), item.due(), item.overdue(),
                PatientView.listName(item.patient()),
                item.mrn(), item.visitNumber(), where, item.vendor(), item.assignee(), item.createdAt(),
                item.updatedAt());
    }
}
