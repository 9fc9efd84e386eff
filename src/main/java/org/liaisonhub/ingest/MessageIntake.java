package org.liaisonhub.ingest;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.ReceivedMessage;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkItemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake protocol of every channel, in one place. A message is stored, its channel decides what it means (rules,
 * duplicate check, kept resources) and the work-item ledger is written, in one transaction: the channel answers the
 * sender only once it has committed. A message that cannot be processed is stored with its failure in a transaction
 * of its own, so nothing received is lost; a message processed again records its new outcome on the stored row.
 * A channel may instead answer on receipt ({@link #receive}): then only the message is committed before the answer.
 */
@Component
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    private final MessageStore store;
    private final WorkItemLedger ledger;
    private final ReceiptBacklog backlog;
    private final TransactionTemplate transaction;

    MessageIntake(MessageStore store, WorkItemLedger ledger, ReceiptBacklog backlog,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.ledger = ledger;
        this.backlog = backlog;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What the channel's step decided for a stored message: its outcome, the work it changes, the channel's answer. */
    public record Decision<T>(MessageOutcome outcome, List<WorkChange> changes, T answer) {
    }

    /** The channel's own part of processing, run inside the intake's transaction once the message is stored. */
    @FunctionalInterface
    public interface Step<T> {
        Decision<T> decide(long messageId);
    }

    /** How processing ended: committed, or failed and stored with its failure (messageId null if even that failed). */
    public sealed interface Processed<T> {

        record Committed<T>(long messageId, T answer) implements Processed<T> {
        }

        record Failed<T>(Long messageId, MessageOutcome outcome, RuntimeException cause) implements Processed<T> {
        }
    }

    /**
     * Stores the message with the {@code provisional} outcome (unless it is stored already), runs the step, applies
     * its work-item changes and records its outcome, all in one transaction. On failure everything of it is rolled
     * back and the message is stored with the outcome {@code failure} makes of the exception.
     */
    public <T> Processed<T> process(Arrival arrival, MessageOutcome provisional, Step<T> step,
            Function<RuntimeException, MessageOutcome> failure) {
        return committedOrFailed(arrival, failure, () -> {
            long id = arrival.storedId() != null ? arrival.storedId() : store.insert(arrival.received(), provisional);
            Decision<T> decision = step.decide(id);
            ledger.apply(decision.changes(), id);
            if (arrival.storedId() != null || !decision.outcome().equals(provisional)) {
                store.recordOutcome(id, decision.outcome(), arrival.reprocessing());
            }
            return new Processed.Committed<>(id, decision.answer());
        });
    }

    /**
     * Like {@link #process}, but commits only the message (stored RECEIVED with the acknowledgement it gets) and what
     * the step itself writes: a message with work items to write is handed to the {@link ReceiptBacklog} once
     * committed, which writes them and records it PROCESSED; any other has its outcome recorded at once. The
     * caller acknowledges when this returns, i.e. once the message is synced.
     */
    public <T> Processed<T> receive(Arrival arrival, MessageOutcome provisional, Step<T> step,
            Function<RuntimeException, MessageOutcome> failure) {
        return committedOrFailed(arrival, failure, () -> {
            long id = store.insert(arrival.received(), provisional.withStatus(MessageStatus.RECEIVED));
            Decision<T> decision = step.decide(id);
            if (decision.changes().isEmpty()) {
                store.recordOutcome(id, decision.outcome(), false);
            } else {
                ReceiptBacklog.Received received = new ReceiptBacklog.Received(id, decision.changes(),
                        decision.outcome().ackCode());
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        backlog.add(received);
                    }
                });
            }
            return new Processed.Committed<>(id, decision.answer());
        });
    }

    /**
     * Runs {@code work} in a transaction; if it fails, everything of it is rolled back and the message is stored with
     * the outcome {@code failure} makes of the exception, in a transaction of its own.
     */
    private <T> Processed<T> committedOrFailed(Arrival arrival, Function<RuntimeException, MessageOutcome> failure,
            Supplier<Processed<T>> work) {
        try {
            return transaction.execute(tx -> work.get());
        } catch (RuntimeException e) {
            MessageOutcome failed = failure.apply(e);
            return new Processed.Failed<>(record(arrival, failed), failed, e);
        }
    }

    /**
     * Runs a step on a message that is already stored, in a transaction of its own, without recording an outcome:
     * one part of a message whose parts stand alone (a FHIR batch's entries). Throws what the step throws.
     */
    public <T> T processPart(long messageId, Step<T> step) {
        return transaction.execute(tx -> {
            Decision<T> decision = step.decide(messageId);
            ledger.apply(decision.changes(), messageId);
            return decision.answer();
        });
    }

    /**
     * Stores a message with an outcome reached without processing it (rejected, failed, nothing to do), or records
     * that outcome on the stored message, in a transaction of its own.
     *
     * @return the stored message's id; null if even storing it failed (the sender is then asked to send it again)
     */
    public Long record(Arrival arrival, MessageOutcome outcome) {
        try {
            return transaction.execute(tx -> {
                if (arrival.storedId() == null) {
                    return store.insert(arrival.received(), outcome);
                }
                store.recordOutcome(arrival.storedId(), outcome, arrival.reprocessing());
                return arrival.storedId();
            });
        } catch (RuntimeException storeFailure) {
            log.error("A {} message ({}) could not even be stored: {}", arrival.channel(), outcome.status(),
                    storeFailure.getClass().getName());
            log.debug("Store failure", storeFailure);
            return null;
        }
    }

    /** A message to process: just received (the intake stores it) or stored already. */
    public record Arrival(ReceivedMessage received, Long storedId, boolean reprocessing) {

        public static Arrival received(ReceivedMessage message) {
            return new Arrival(message, null, false);
        }

        /** A stored message processed again: its outcome is replaced and the reprocessing counted. */
        public static Arrival reprocess(long storedId) {
            return new Arrival(null, storedId, true);
        }

        /** The same arrival once stored under {@code id}, for the outcome of a message processed in parts. */
        public Arrival storedAs(long id) {
            return new Arrival(received, id, reprocessing);
        }

        String channel() {
            return received == null ? "reprocessed" : received.envelope().channel();
        }
    }
}
