package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the mapping rules concluded from one inbound message to the work items, inside the message's
 * transaction. Applying the same message twice leaves the items as applying it once: this is what makes reprocessing
 * and duplicate deliveries safe.
 */
@Service
public class WorkItemLedger {

    private final WorkItemRepository items;
    private final WorkItemHistory history;
    private final VendorSteps vendors;

    WorkItemLedger(WorkItemRepository items, WorkItemHistory history, VendorSteps vendors) {
        this.items = items;
        this.history = history;
        this.vendors = vendors;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(List<WorkChange> changes, long messageId) {
        Instant now = Instant.now();
        for (WorkChange change : changes) {
            if (change instanceof WorkNeeded needed) {
                open(needed, messageId, now);
            } else if (change instanceof WorkNoLongerNeeded done) {
                cancel(done, messageId, now);
            } else if (change instanceof PatientChanged changed) {
                follow(changed, messageId, now);
            } else {
                merge((PatientMerged) change, messageId, now);
            }
        }
    }

    private void open(WorkNeeded needed, long messageId, Instant now) {
        String naturalKey = NaturalKey.of(needed.type(), needed.mrn(), needed.visitNumber(), needed.key());
        Optional<WorkItem> current = items.lockCurrent(naturalKey);
        if (current.isPresent() && current.get().status().isOpen()) {
            update(current.get(), needed, messageId, now);
            return;
        }
        if (current.isPresent() && alreadyHandled(current.get(), messageId)) {
            return;
        }
        Optional<WorkItem> created = items.insertOpen(needed, naturalKey, messageId, now);
        if (created.isEmpty()) {
            // another message for the same work committed first: this one updates that item instead
            WorkItem item = items.lockOpen(naturalKey).orElseThrow(() -> new IllegalStateException(
                    "An open work item of this key was created concurrently and is gone again"));
            update(item, needed, messageId, now);
            return;
        }
        history.add(created.get().id(), HistoryEntry.CREATED, null, WorkItemStatus.NEW, needed.rule(), messageId,
                Map.of(), now);
        vendors.request(created.get(), messageId, needed.rule(), now);
    }

    /** A completed item is work done; a cancelled one this very message already saw is not to be reopened. */
    private boolean alreadyHandled(WorkItem closed, long messageId) {
        return closed.status() == WorkItemStatus.COMPLETED || history.changedBy(closed.id(), messageId);
    }

    private void update(WorkItem item, WorkNeeded needed, long messageId, Instant now) {
        Map<String, Object> changed = WorkItemChanges.of(item, needed);
        if (changed.isEmpty()) {
            return;
        }
        WorkItem updated = items.updateDetails(item.id(), needed, now);
        history.add(item.id(), HistoryEntry.UPDATED, item.status(), item.status(), needed.rule(), messageId,
                Map.of("changed", changed), now);
        vendors.request(updated, messageId, needed.rule(), now);
    }

    private void cancel(WorkNoLongerNeeded done, long messageId, Instant now) {
        for (WorkItem item : items.lockOpenForVisit(done.mrn(), done.visitNumber(), done.types(), done.key())) {
            items.updateStatus(item.id(), WorkItemStatus.CANCELLED, now);
            history.add(item.id(), HistoryEntry.STATUS_CHANGED, item.status(), WorkItemStatus.CANCELLED,
                    done.rule(), messageId, Map.of("reason", done.reason()), now);
            vendors.cancelled(item.id(), item.status(), messageId);
        }
    }

    /** The visit's open items learn where the patient now is and their class; their vendors keep their requests. */
    private void follow(PatientChanged changed, long messageId, Instant now) {
        for (WorkItem item : items.lockOpenForVisit(changed.mrn(), changed.visitNumber(), changed.types(), null)) {
            Map<String, Object> changes = WorkItemChanges.of(item, changed);
            if (!changes.isEmpty()) {
                items.updatePatient(item.id(), changed.patient(), changed.location(), now);
                history.add(item.id(), HistoryEntry.UPDATED, item.status(), item.status(), changed.rule(), messageId,
                        Map.of("changed", changes), now);
            }
        }
    }

    /**
     * Moves the merged-away MRN's open items to the surviving one, one open item per piece of work: where the
     * surviving MRN already has it, the merged-away item is closed (its vendor told) and the survivor notes the merge.
     * A moved item goes to its vendor again, which learns the surviving MRN.
     */
    private void merge(PatientMerged merged, long messageId, Instant now) {
        if (merged.priorMrn().equals(merged.mrn())) {
            return;
        }
        items.recordMerge(merged.priorMrn(), merged.mrn(), messageId, now);
        for (WorkItem item : items.lockOpenOfPatient(merged.priorMrn())) {
            String naturalKey = NaturalKey.of(item.type(), merged.mrn(), item.visitNumber(), item.key());
            Optional<WorkItem> survivor = items.lockOpen(naturalKey);
            if (survivor.isPresent()) {
                items.updateStatus(item.id(), WorkItemStatus.CANCELLED, now);
                history.add(item.id(), HistoryEntry.STATUS_CHANGED, item.status(), WorkItemStatus.CANCELLED,
                        merged.rule(), messageId, Map.of("reason", "merged", "into", survivor.get().id()), now);
                history.add(survivor.get().id(), HistoryEntry.MERGED, survivor.get().status(),
                        survivor.get().status(), merged.rule(), messageId, Map.of("closed", item.id()), now);
                vendors.cancelled(item.id(), item.status(), messageId);
            } else {
                WorkItem moved = items.moveToPatient(item.id(), merged.mrn(), naturalKey, now);
                history.add(item.id(), HistoryEntry.MERGED, item.status(), item.status(), merged.rule(), messageId,
                        Map.of("from", merged.priorMrn(), "to", merged.mrn()), now);
                vendors.request(moved, messageId, merged.rule(), now);
            }
        }
    }
}
