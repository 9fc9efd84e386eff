package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.liaisonhub.workitem.RehearsedChange.Action;

/**
 * A work list in memory, empty at first, that takes what mapping rules concluded as the ledger
 * ({@link WorkItemLedger}) does: one open item per piece of work (type, MRN, visit, key), updated when asked for
 * again with anything different; a cancelled item opened again as a new one, unless the message that cancelled it
 * asks; cancels by type, visit and key (or key prefix); moves and merges on a patient merge. Nothing is stored and
 * no vendor is told: it answers "what would these messages do" for {@code try}.
 */
public final class RehearsedWorkList {

    private final List<WorkItem> items = new ArrayList<>();
    private final Map<Long, Integer> lastChangedBy = new LinkedHashMap<>();
    private int message;

    /** Applies the changes of the next message of the sequence; returns what they did, in order. */
    public List<RehearsedChange> apply(List<WorkChange> changes) {
        message++;
        List<RehearsedChange> done = new ArrayList<>();
        for (WorkChange change : changes) {
            if (change instanceof WorkNeeded needed) {
                done.add(open(needed));
            } else if (change instanceof WorkNoLongerNeeded cancelled) {
                for (WorkItem item : openFor(cancelled.mrn(), cancelled.visitNumber(), cancelled)) {
                    done.add(RehearsedChange.of(Action.CANCELLED, close(item), Map.of(), cancelled.reason(),
                            cancelled.rule()));
                }
            } else if (change instanceof PatientChanged moved) {
                done.addAll(follow(moved));
            } else {
                done.addAll(merge((PatientMerged) change));
            }
        }
        return done;
    }

    private RehearsedChange open(WorkNeeded needed) {
        WorkItem current = latest(needed.type(), needed.mrn(), needed.visitNumber(), needed.key());
        if (current != null && current.status().isOpen()) {
            Map<String, Object> changed = WorkItemChanges.of(current, needed);
            if (changed.isEmpty()) {
                return RehearsedChange.of(Action.UNCHANGED, current, Map.of(), null, needed.rule());
            }
            return RehearsedChange.of(Action.UPDATED, replace(current, withNeeds(current, needed)), changed, null,
                    needed.rule());
        }
        if (current != null && lastChangedBy.get(current.id()) == message) {
            return RehearsedChange.of(Action.UNCHANGED, current, Map.of(), null, needed.rule());
        }
        WorkItem opened = new WorkItem(items.size() + 1, needed.type(), WorkItemStatus.NEW, needed.mrn(),
                needed.visitNumber(), needed.key(), needed.details(), needed.patient(), needed.location(), null, null,
                null, Map.of(), needed.due(), needed.priority(), null, Instant.EPOCH, Instant.EPOCH, null);
        items.add(opened);
        lastChangedBy.put(opened.id(), message);
        return RehearsedChange.of(Action.OPENED, opened, Map.of(), null, needed.rule());
    }

    private List<RehearsedChange> follow(PatientChanged moved) {
        List<RehearsedChange> done = new ArrayList<>();
        for (WorkItem item : openFor(moved.mrn(), moved.visitNumber(), moved.types())) {
            Map<String, Object> changed = WorkItemChanges.of(item, moved);
            if (!changed.isEmpty()) {
                WorkItem followed = replace(item, copy(item, item.mrn(), item.status(), item.details(),
                        moved.patient(), moved.location(), item.due(), item.priority()));
                done.add(RehearsedChange.of(Action.UPDATED, followed, changed, null, moved.rule()));
            }
        }
        return done;
    }

    private List<RehearsedChange> merge(PatientMerged merged) {
        List<RehearsedChange> done = new ArrayList<>();
        if (merged.priorMrn().equals(merged.mrn())) {
            return done;
        }
        for (WorkItem item : List.copyOf(items)) {
            if (!item.status().isOpen() || !item.mrn().equals(merged.priorMrn())) {
                continue;
            }
            WorkItem survivor = latest(item.type(), merged.mrn(), item.visitNumber(), item.key());
            if (survivor != null && survivor.status().isOpen()) {
                done.add(RehearsedChange.of(Action.CANCELLED, close(item), Map.of(), "merged", merged.rule()));
            } else {
                WorkItem moved = replace(item, copy(item, merged.mrn(), item.status(), item.details(), item.patient(),
                        item.location(), item.due(), item.priority()));
                done.add(RehearsedChange.of(Action.MOVED, moved, Map.of("mrn", Map.of("from", merged.priorMrn(),
                        "to", merged.mrn())), null, merged.rule()));
            }
        }
        return done;
    }

    private List<WorkItem> openFor(String mrn, String visit, WorkNoLongerNeeded cancelled) {
        return openFor(mrn, visit, cancelled.types()).stream().filter(item -> cancelled.key() == null
                || item.key().equals(cancelled.key()) || item.key().startsWith(cancelled.key() + "|")).toList();
    }

    private List<WorkItem> openFor(String mrn, String visit, java.util.Set<String> types) {
        return items.stream().filter(item -> item.status().isOpen() && item.mrn().equals(mrn)
                && Objects.equals(item.visitNumber(), visit) && (types.isEmpty() || types.contains(item.type())))
                .toList();
    }

    /** The newest item of a piece of work, open or not. */
    private WorkItem latest(String type, String mrn, String visit, String key) {
        WorkItem latest = null;
        for (WorkItem item : items) {
            if (item.type().equals(type) && item.mrn().equals(mrn) && Objects.equals(item.visitNumber(), visit)
                    && item.key().equals(key)) {
                latest = item;
            }
        }
        return latest;
    }

    private WorkItem close(WorkItem item) {
        return replace(item, copy(item, item.mrn(), WorkItemStatus.CANCELLED, item.details(), item.patient(),
                item.location(), item.due(), item.priority()));
    }

    private WorkItem replace(WorkItem before, WorkItem after) {
        items.set((int) before.id() - 1, after);
        lastChangedBy.put(after.id(), message);
        return after;
    }

    private static WorkItem withNeeds(WorkItem item, WorkNeeded needed) {
        return copy(item, item.mrn(), item.status(), needed.details(), needed.patient(), needed.location(),
                needed.due(), needed.priority());
    }

    private static WorkItem copy(WorkItem item, String mrn, WorkItemStatus status, Map<String, Object> details,
            Map<String, Object> patient, PatientLocation location, Instant due, Priority priority) {
        return new WorkItem(item.id(), item.type(), status, mrn, item.visitNumber(), item.key(), details, patient,
                location, null, null, null, Map.of(), due, priority, null, item.createdAt(), item.updatedAt(), null);
    }
}
