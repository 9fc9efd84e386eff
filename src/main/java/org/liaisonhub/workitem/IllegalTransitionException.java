package org.liaisonhub.workitem;

import java.util.Map;
import java.util.Set;
import org.liaisonhub.platform.ConflictException;

/** A status change the lifecycle does not allow; answered 409 with the current, requested and allowed statuses. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(long itemId, WorkItemStatus from, WorkItemStatus to, Set<WorkItemStatus> allowed,
            String why) {
        super("Illegal status transition", "Work item " + itemId + " cannot move from " + from + " to " + to + ": "
                + why, Map.of("currentStatus", from.name(), "requestedStatus", to.name(), "allowedStatuses", allowed));
    }
}
