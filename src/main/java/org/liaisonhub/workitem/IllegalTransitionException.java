package org.liaisonhub.workitem;

import java.util.Set;

/** A status change the lifecycle does not allow; answered 409. */
public class IllegalTransitionException extends RuntimeException {

    private final WorkItemStatus from;
    private final WorkItemStatus to;
    private final Set<WorkItemStatus> allowed;

    public IllegalTransitionException(long itemId, WorkItemStatus from, WorkItemStatus to, Set<WorkItemStatus> allowed,
            String why) {
        super("Work item " + itemId + " cannot move from " + from + " to " + to + ": " + why);
        this.from = from;
        this.to = to;
        this.allowed = allowed;
    }

    public WorkItemStatus from() {
        return from;
    }

    public WorkItemStatus to() {
        return to;
    }

    public Set<WorkItemStatus> allowed() {
        return allowed;
    }
}
