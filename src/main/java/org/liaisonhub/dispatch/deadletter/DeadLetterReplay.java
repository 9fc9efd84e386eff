package org.liaisonhub.dispatch.deadletter;

import java.time.Instant;
import org.liaisonhub.dispatch.Outbox;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.dispatch.OutboxEntry;
import org.liaisonhub.dispatch.OutboxRelay;
import org.liaisonhub.platform.ConflictException;
import org.liaisonhub.platform.NotFoundException;
import org.liaisonhub.workitem.WorkItemService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays a dead letter: the same request (same snapshot, same idempotency key) goes back through the outbox, and
 * a failed item is queued again. A dead letter is replayed once; a replay that fails makes a new dead letter.
 */
@Service
public class DeadLetterReplay {

    private final DeadLetters deadLetters;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final WorkItemService workItems;

    DeadLetterReplay(DeadLetters deadLetters, Outbox outbox, OutboxRelay relay, WorkItemService workItems) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.relay = relay;
        this.workItems = workItems;
    }

    @Transactional
    public DeadLetter replay(long id, String actor) {
        DeadLetter deadLetter = deadLetters.lockUnreplayed(id).orElseThrow(() -> deadLetters.find(id).isPresent()
                ? new AlreadyReplayedException(id) : new NotFoundException("No dead letter has id " + id));
        OutboxEntry original = outbox.find(deadLetter.outboxId()).orElseThrow();
        Instant now = Instant.now();
        long replay = outbox.add(original.workItemId(), original.vendor(), original.action(),
                original.idempotencyKey(), original.correlationId(), original.snapshot(), now);
        deadLetters.markReplayed(id, replay, now);
        if (original.action() == Action.REQUEST) {
            workItems.requeued(original.workItemId(), original.vendor(), actor, "dead letter " + id + " replayed");
        }
        relay.wakeUpAfterCommit();
        return deadLetters.find(id).orElseThrow();
    }

    /** A second replay of the same dead letter; answered 409. */
    public static class AlreadyReplayedException extends ConflictException {
        AlreadyReplayedException(long id) {
            super("Already replayed", "Dead letter " + id + " was already replayed");
        }
    }
}
