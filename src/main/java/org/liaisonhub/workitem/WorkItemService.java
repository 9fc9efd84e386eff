package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.liaisonhub.platform.FacilityScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a work item from outside the message flow: a person (status, assignee, notes, redispatch) or vendor
 * dispatch (delivered, failed, the vendor's own status updates). Every change is recorded in the history.
 */
@Service
public class WorkItemService {

    private final WorkItemRepository items;
    private final WorkItemHistory history;
    private final VendorSteps vendors;

    WorkItemService(WorkItemRepository items, WorkItemHistory history, VendorSteps vendors) {
        this.items = items;
        this.history = history;
        this.vendors = vendors;
    }

    /** Refuses, as unknown, an item the caller's scope does not cover: it does not learn that the item exists. */
    @Transactional(readOnly = true)
    public void requireVisible(long id, FacilityScope scope) {
        items.find(id).filter(item -> scope.allows(item.location() == null ? null : item.location().facility()))
                .orElseThrow(() -> new WorkItemNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public WorkItemDetail get(long id) {
        WorkItem item = items.find(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        return new WorkItemDetail(item, history.of(id));
    }

    @Transactional
    public WorkItemDetail change(long id, WorkItemPatch patch, String actor) {
        WorkItem item = items.lock(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        Instant now = Instant.now();
        if (patch.status() != null && patch.status() != item.status()) {
            checkTransition(item, patch.status());
            items.updateStatus(id, patch.status(), now);
            history.add(id, HistoryEntry.STATUS_CHANGED, item.status(), patch.status(), actor, null,
                    patch.note() == null ? Map.of() : Map.of("note", patch.note()), now);
            if (patch.status() == WorkItemStatus.CANCELLED) {
                vendors.cancelled(id, item.status(), null);
            }
        } else if (patch.note() != null) {
            history.add(id, HistoryEntry.NOTE, item.status(), item.status(), actor, null,
                    Map.of("note", patch.note()), now);
        }
        if (patch.assigneeGiven() && !Objects.equals(patch.assignee(), item.assignee())) {
            items.updateAssignee(id, patch.assignee(), now);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", item.assignee());
            change.put("to", patch.assignee());
            history.add(id, HistoryEntry.ASSIGNED, item.status(), item.status(), actor, null, change, now);
        }
        return get(id);
    }

    /** Sends the item as it now stands to its vendor again, under a new idempotency key. */
    @Transactional
    public WorkItemDetail redispatch(long id, String actor) {
        WorkItem item = items.lock(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        if (!item.status().isOpen()) {
            throw new NotDispatchableException(id, "it is " + item.status());
        }
        if (!vendors.request(item, null, actor, Instant.now())) {
            throw new NotDispatchableException(id, "no vendor with a URL takes work of type " + item.type());
        }
        return get(id);
    }

    /** A failed item's request goes to its vendor again (a replayed dead letter): the item is QUEUED again. */
    @Transactional
    public void requeued(long id, String vendor, String actor, String why) {
        WorkItem item = items.lock(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        if (item.status() == WorkItemStatus.FAILED) {
            Instant now = Instant.now();
            items.updateStatus(id, WorkItemStatus.QUEUED, now);
            history.add(id, HistoryEntry.STATUS_CHANGED, item.status(), WorkItemStatus.QUEUED, actor, null,
                    Map.of("vendor", vendor, "reason", why), now);
        }
    }

    /** The vendor accepted a request (2xx): a queued or failed item is now SENT. */
    @Transactional
    public void delivered(long id, String vendor, String vendorReference, Map<String, ?> detail) {
        WorkItemStatus before = items.lockStatus(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        Instant now = Instant.now();
        WorkItemStatus after = before == WorkItemStatus.QUEUED || before == WorkItemStatus.FAILED
                ? WorkItemStatus.SENT : before;
        items.updateVendor(id, vendor, vendorReference, after, now);
        history.add(id, HistoryEntry.DISPATCHED, before, after, "vendor:" + vendor, null, detail, now);
    }

    /**
     * A request waits because its vendor may not be called now (its circuit is open, or it asked for a pause). The
     * history says so once per wait, not once per request the relay hands out meanwhile.
     */
    @Transactional
    public void deliveryWaiting(long id, String vendor, Map<String, ?> detail) {
        WorkItemStatus status = items.lockStatus(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        if (!HistoryEntry.DISPATCH_WAITING.equals(history.lastAction(id))) {
            history.add(id, HistoryEntry.DISPATCH_WAITING, status, status, "vendor:" + vendor, null, detail,
                    Instant.now());
        }
    }

    /** A request could not be delivered (rejected, or attempts exhausted): an open item is now FAILED. */
    @Transactional
    public void deliveryFailed(long id, String vendor, Map<String, ?> detail) {
        WorkItemStatus before = items.lockStatus(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        Instant now = Instant.now();
        WorkItemStatus after = before.canMoveTo(WorkItemStatus.FAILED) ? WorkItemStatus.FAILED : before;
        if (after != before) {
            items.updateStatus(id, after, now);
        }
        history.add(id, HistoryEntry.DISPATCH_FAILED, before, after, "vendor:" + vendor, null, detail, now);
    }

    /**
     * The vendor reports progress. The status moves when the lifecycle allows it; otherwise (a late or repeated
     * report) the report is only recorded. What the vendor learned is kept on the item, apart from its details.
     *
     * @return the item's status afterwards
     */
    @Transactional
    public WorkItemStatus vendorReported(long id, String vendor, WorkItemStatus reported, String vendorReference,
            Map<String, ?> detail, Map<String, Object> learned) {
        WorkItem item = items.lock(id).orElseThrow(() -> new WorkItemNotFoundException(id));
        Instant now = Instant.now();
        if (!learned.isEmpty()) {
            items.addVendorReport(item, learned, now);
        }
        WorkItemStatus after = reported != null && item.status().canMoveTo(reported) ? reported : item.status();
        if (vendorReference != null) {
            items.updateVendor(id, item.vendor() != null ? item.vendor() : vendor, vendorReference, after, now);
        } else if (after != item.status()) {
            items.updateStatus(id, after, now);
        }
        history.add(id, HistoryEntry.VENDOR_UPDATE, item.status(), after, "vendor:" + vendor, null, detail, now);
        return after;
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
