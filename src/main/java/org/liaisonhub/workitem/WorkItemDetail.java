package org.liaisonhub.workitem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A work item with its full history, oldest first. */
public record WorkItemDetail(@JsonUnwrapped WorkItem item, List<HistoryEntry> history) {
}
