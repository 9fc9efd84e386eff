package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The vendor side of a work-item change, shared by every path that changes items (messages, the API): hand new
 * or changed work to its vendor and queue it, tell the vendor about cancellations of what it was given.
 */
@Component
class VendorSteps {

    /** A new request puts an item in these statuses (back) in the queue; SENT and ACCEPTED items stay. */
    private static final Set<WorkItemStatus> QUEUEABLE = EnumSet.of(WorkItemStatus.NEW, WorkItemStatus.FAILED);

    private final WorkItemRepository items;
    private final WorkItemHistory history;
    private final VendorHandoff handoff;

    VendorSteps(WorkItemRepository items, WorkItemHistory history, VendorHandoff handoff) {
        this.items = items;
        this.history = history;
        this.handoff = handoff;
    }

    /** Hands the item to its vendor, as read in this transaction after its last change; true if one took it. */
    boolean request(WorkItem item, Long messageId, String actor, Instant now) {
        return handoff.request(item, messageId).map(vendor -> {
            WorkItemStatus after = QUEUEABLE.contains(item.status()) ? WorkItemStatus.QUEUED : item.status();
            items.updateVendor(item.id(), vendor, null, after, now);
            if (after != item.status()) {
                history.add(item.id(), HistoryEntry.STATUS_CHANGED, item.status(), after, actor,
                        messageId, Map.of("vendor", vendor), now);
            }
            return true;
        }).orElse(false);
    }

    /** After an item was cancelled: a vendor that was given it gets the cancellation. */
    void cancelled(long itemId, WorkItemStatus before, Long messageId) {
        if (before == WorkItemStatus.NEW) {
            return;
        }
        items.find(itemId).filter(item -> item.vendor() != null).ifPresent(item -> handoff.cancel(item, messageId));
    }
}
