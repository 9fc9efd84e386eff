package org.liaisonhub.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageReprocessing;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkItemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages acknowledged on receipt whose work items are still to be written, and the one thread that writes
 * them: in the order they were received, as many as are waiting (or have gathered for a few milliseconds) in one
 * transaction (one commit and one sync for all of them, where acknowledging after processing pays both per
 * message). A batch that fails is written again message by message, so that one message's failure is that message's
 * ERROR alone. The backlog is bounded: when it is full the next acknowledgement waits, so a sender is never further
 * ahead than it allows.
 * <p>
 * The store is the truth, the queue only spares reading the message again: messages still RECEIVED
 * ({@link LeftReceived}) are processed again when the hub starts, before anything received since, and, while it
 * runs, once they are {@code hub.mllp.receipt-retry-after} old.
 */
@Component
public class ReceiptBacklog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptBacklog.class);
    private static final int BATCH = 256;
    /**
     * How long the writer lets messages gather before a batch that is not full: on one connection they arrive one
     * every few milliseconds, and each batch costs a commit, a sync and two statements whatever its size.
     */
    private static final long GATHER_MILLIS = 20;

    private final MessageStore store;
    private final WorkItemLedger ledger;
    private final LeftReceived left;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Received> queue;
    /** Handed over and not yet written (the queue, and the batch being written). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration retryAfter;
    /** When the writer, idle, next looks for messages left RECEIVED (System.nanoTime). */
    private long nextSweep;
    /** The writer is looking for messages left RECEIVED: a stop may interrupt it (it may wait on a lost database). */
    private volatile boolean sweeping;
    private volatile Thread writer;
    private volatile boolean running;

    ReceiptBacklog(MessageStore store, WorkItemLedger ledger, ObjectProvider<MessageReprocessing> reprocessing,
            PlatformTransactionManager transactions, MllpProperties properties, MeterRegistry registry) {
        this.store = store;
        this.ledger = ledger;
        this.left = new LeftReceived(store, reprocessing);
        this.transaction = new TransactionTemplate(transactions);
        this.queue = new ArrayBlockingQueue<>(properties.receiptBacklog());
        this.retryAfter = properties.receiptRetryAfter();
        Gauge.builder("liaison.inbound.awaiting-work", waiting, AtomicInteger::get)
                .description("Messages acknowledged on receipt whose work items this instance has not written yet")
                .register(registry);
    }

    /** A message stored as RECEIVED, the work its rules concluded and the ACK code its sender got. */
    record Received(long messageId, List<WorkChange> changes, String ackCode) {
    }

    /**
     * Hands over a committed RECEIVED message, waiting while the backlog is full. When the hub is stopping the
     * message stays RECEIVED in the store, for the next start.
     */
    void add(Received received) {
        waiting.incrementAndGet();
        try {
            while (running) {
                if (queue.offer(received, 1, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.decrementAndGet();
        log.info("Message {} stays RECEIVED: the hub is stopping; it is processed when it starts", received.messageId());
    }

    private void loop() {
        // what an earlier run acknowledged and did not write, before anything received since
        processLeftReceived(Instant.now());
        nextSweep = System.nanoTime() + sweepPeriod();
        List<Received> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Received first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (System.nanoTime() - nextSweep >= 0) {
                        nextSweep = System.nanoTime() + sweepPeriod();
                        processLeftReceived(Instant.now().minus(retryAfter));
                    }
                    continue;
                }
                batch.add(first);
                if (running && queue.size() < BATCH - 1) {
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                waiting.addAndGet(-batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Every quarter of the retry delay, so that a message left RECEIVED waits at most 1.25 times it. */
    private long sweepPeriod() {
        return retryAfter.toNanos() / 4;
    }

    /** Looks for messages left RECEIVED before {@code before}; a stop may interrupt it (the database may be gone). */
    private void processLeftReceived(Instant before) {
        sweeping = true;
        try {
            left.processBefore(before, () -> running);
        } catch (RuntimeException unavailable) {
            if (running) {
                log.error("Could not look for messages left RECEIVED: {}", unavailable.getClass().getName());
                log.debug("Sweep failure", unavailable);
            }
        } finally {
            sweeping = false;
            // an interrupt meant for the sweep: the loop goes on writing what is waiting
            Thread.interrupted();
        }
    }

    private void write(List<Received> batch) {
        try {
            transaction.executeWithoutResult(tx -> writeAll(batch));
        } catch (RuntimeException batchFailure) {
            log.debug("A batch of {} received messages failed; writing them one by one", batch.size(), batchFailure);
            for (Received one : batch) {
                try {
                    transaction.executeWithoutResult(tx -> writeAll(List.of(one)));
                } catch (RuntimeException failure) {
                    fail(one, failure);
                }
            }
        }
    }

    private void writeAll(List<Received> batch) {
        Map<Long, Received> byId = batch.stream()
                .collect(Collectors.toMap(Received::messageId, Function.identity(), (a, b) -> a));
        List<Long> locked = store.lockReceived(byId.keySet());
        for (long id : locked) {
            ledger.apply(byId.get(id).changes(), id);
        }
        if (!locked.isEmpty()) {
            store.recordProcessed(locked);
        }
    }

    private void fail(Received message, RuntimeException failure) {
        log.error("Message {} was acknowledged on receipt but its work items could not be written: {}",
                message.messageId(), failure.getClass().getName());
        log.debug("Processing failure", failure);
        MessageOutcome error = new MessageOutcome(MessageStatus.ERROR, message.ackCode(), "207", null,
                "Acknowledged on receipt, but its work items could not be written; reprocess it", null);
        try {
            transaction.executeWithoutResult(tx -> store.recordOutcome(message.messageId(), error, false));
        } catch (RuntimeException storeFailure) {
            log.error("Message {} stays RECEIVED (its failure could not be recorded); it is processed at the next"
                    + " start", message.messageId());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::loop, "receipt-backlog");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is waiting, then stops; what is left after 30 s stays RECEIVED for the next start. */
    @Override
    public void stop() {
        running = false;
        Thread current = writer;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (current != null && current.isAlive() && System.nanoTime() - deadline < 0) {
                if (sweeping) {
                    current.interrupt();
                }
                current.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
