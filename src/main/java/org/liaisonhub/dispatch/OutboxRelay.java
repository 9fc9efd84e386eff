package org.liaisonhub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to their vendor's durable queue when they are due, at least once: a row is marked
 * RELAYED only after the broker has the message, so a crash in between sends it again and the vendor route
 * recognises the repeat. Only one request of a work item is on its way at a time (the outbox picks the first
 * unfinished one), so an item's requests reach the vendor in order. Each vendor's gate says how many may go: none
 * while its circuit is open or it asked for a pause, no more than its rate limit allows.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final DeadLetters deadLetters;
    private final Vendors vendors;
    private final VendorGates gates;
    /** A template of the relay's own: its sessions are transacted. */
    private final JmsTemplate jms;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final DispatchProperties properties;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(Outbox outbox, DeadLetters deadLetters, Vendors vendors, VendorGates gates, JmsTemplate jms,
            ObjectMapper json, PlatformTransactionManager transactions, DispatchProperties properties) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.vendors = vendors;
        this.gates = gates;
        this.jms = new JmsTemplate(jms.getConnectionFactory());
        this.jms.setSessionTransacted(true);
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** Asks for a relay round now. */
    public void wakeUp() {
        wake.release();
    }

    /** Asks for a relay round once the current transaction has committed (at once when there is none). */
    public void wakeUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    /**
     * Relays one round: for each vendor, as many of its due requests as its gate lets go now (up to a batch), and
     * dead-letters the requests of vendors no longer configured. Returns how many requests it handled.
     */
    public int relayBatch() {
        Integer relayed = transaction.execute(status -> {
            Instant now = Instant.now();
            List<OutboxEntry> relayable = new ArrayList<>();
            for (String vendor : vendors.names()) {
                int allowed = gates.allowance(vendor, properties.relayBatchSize(), now);
                if (allowed > 0) {
                    List<OutboxEntry> due = gates.state(vendor) == VendorGates.State.HALF_OPEN
                            ? outbox.lockProbe(vendor, now) : outbox.lockRelayable(vendor, allowed, now);
                    gates.released(vendor, due.size());
                    relayable.addAll(due);
                }
            }
            // a vendor removed from the configuration must not stop everyone else's requests
            List<OutboxEntry> orphaned = outbox.lockOrphaned(vendors.names(), properties.relayBatchSize());
            for (OutboxEntry entry : orphaned) {
                String reason = "hub.vendors." + entry.vendor() + " is not configured any more";
                outbox.finish(entry.id(), OutboxEntry.Status.DEAD, entry.attempts(), null, reason, now);
                deadLetters.add(entry, reason, null, entry.attempts(), now);
            }
            send(relayable);
            relayable.forEach(entry -> outbox.markRelayed(entry.id(), now));
            return relayable.size() + orphaned.size();
        });
        return relayed == null ? 0 : relayed;
    }

    /**
     * Sends the batch in one broker transaction: one round trip to the broker instead of one per request, and a
     * failure leaves none of them on a queue (the rows stay pending and the next round sends them again).
     */
    private void send(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            DestinationResolver queues = jms.getDestinationResolver();
            try (MessageProducer producer = session.createProducer(null)) {
                for (OutboxEntry entry : entries) {
                    TextMessage message = session.createTextMessage(message(entry));
                    message.setLongProperty(VendorMessage.OUTBOX_ID, entry.id());
                    producer.send(queues.resolveDestinationName(session, vendors.get(entry.vendor()).queue(), false),
                            message);
                }
            }
            session.commit();
            return null;
        }, false);
    }

    private String message(OutboxEntry entry) {
        try {
            return json.writeValueAsString(Map.of(
                    VendorMessage.OUTBOX_ID, entry.id(),
                    "workItemId", entry.workItemId(),
                    "action", entry.action().name(),
                    "idempotencyKey", entry.idempotencyKey()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && relayBatch() >= properties.relayBatchSize()) {
                    log.debug("Outbox relay: full batch, continuing");
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying in {}: {}", properties.relayInterval(),
                        e.getClass().getName());
                log.debug("Outbox relay failure", e);
            }
            try {
                if (wake.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
