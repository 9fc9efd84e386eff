package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a person makes to a work item: status, assignee, notes. Every change is recorded in the history. */
@Service
public class WorkItemService {

    private final WorkItemRepository items;

    public WorkItemService(WorkItemRepository items) {
        this.items = items;
    }

    @Transactional(readOnly = true)
    public WorkItemDetail get(long id) {
        WorkItem item = items.find(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        return new WorkItemDetail(item, items.history(id));
    }

    @Transactional
    public WorkItemDetail change(long id, WorkItemPatch patch, String actor) {
        WorkItem item = items.lock(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        Instant now = Instant.now();
        if (patch.status() != null && patch.status() != item.status()) {
            checkTransition(item, patch.status());
            items.updateStatus(id, patch.status(), now);
            items.addHistory(id, HistoryEntry.STATUS_CHANGED, item.status(), patch.status(), actor, null,
                    patch.note() == null ? Map.of() : Map.of("note", patch.note()), now);
        } else if (patch.note() != null) {
            items.addHistory(id, HistoryEntry.NOTE, item.status(), item.status(), actor, null,
                    Map.of("note", patch.note()), now);
        }
        if (patch.assigneeGiven() && !Objects.equals(patch.assignee(), item.assignee())) {
            items.updateAssignee(id, patch.assignee(), now);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", item.assignee());
            change.put("to", patch.assignee());
            items.addHistory(id, HistoryEntry.ASSIGNED, item.status(), item.status(), actor, null, change, now);
        }
        return get(id);
    }

    private static void checkTransition(WorkItem item, WorkItemStatus target) {
        if (!item.status().canMoveTo(target)) {
            throw new IllegalTransitionException(item.id(), item.status(), target, item.status().next(),
                    item.status().isOpen() ? "the lifecycle does not allow it" : "the item is closed");
        }
        if (!WorkItemStatus.settableByPerson().contains(target)) {
            throw new IllegalTransitionException(item.id(), item.status(), target, WorkItemStatus.settableByPerson(),
                    target + " is set by vendor dispatch, not through the work-item API");
        }
    }
}
