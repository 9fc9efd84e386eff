package org.liaisonhub.workitem;

import org.liaisonhub.platform.NotFoundException;

public class WorkItemNotFoundException extends NotFoundException {

    public WorkItemNotFoundException(long id) {
        super("No work item has id " + id);
    }
}
