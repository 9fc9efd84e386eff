package org.liaisonhub.workitem;

import java.util.EnumSet;
import java.util.Set;

/**
 * Work-item lifecycle: {@code NEW → QUEUED → SENT → ACCEPTED → COMPLETED}, or {@code FAILED} / {@code CANCELLED}.
 * COMPLETED and CANCELLED close an item; FAILED stays open because the work is still owed (redispatch or done by
 * hand).
 */
public enum WorkItemStatus {
    NEW, QUEUED, SENT, ACCEPTED, COMPLETED, FAILED, CANCELLED;

    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }

    public Set<WorkItemStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(QUEUED, COMPLETED, FAILED, CANCELLED);
            case QUEUED -> EnumSet.of(SENT, FAILED, CANCELLED);
            case SENT -> EnumSet.of(ACCEPTED, COMPLETED, FAILED, CANCELLED);
            case ACCEPTED -> EnumSet.of(COMPLETED, FAILED, CANCELLED);
            case FAILED -> EnumSet.of(QUEUED, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(WorkItemStatus.class);
        };
    }

    public boolean canMoveTo(WorkItemStatus target) {
        return next().contains(target);
    }

    /** The changes a person may make from this status: those the lifecycle allows that are a person's to make. */
    public Set<WorkItemStatus> nextByPerson() {
        Set<WorkItemStatus> allowed = EnumSet.copyOf(settableByPerson());
        allowed.retainAll(next());
        return allowed;
    }

    /** Statuses a person may set through the API; the others belong to vendor dispatch and vendor callbacks. */
    public static Set<WorkItemStatus> settableByPerson() {
        return EnumSet.of(COMPLETED, CANCELLED);
    }
}
