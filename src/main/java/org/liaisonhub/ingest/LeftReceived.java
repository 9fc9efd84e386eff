package org.liaisonhub.ingest;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.liaisonhub.store.MessageReprocessing;
import org.liaisonhub.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The messages acknowledged on receipt that are still RECEIVED: their work was not written (the hub stopped or
 * crashed first, or the writing failed and so did recording it) or another instance is still writing it. Each is
 * processed again as a reprocess would, oldest first; doing so for a message another instance writes meanwhile
 * leaves its items as once ({@link org.liaisonhub.workitem.WorkItemLedger}).
 */
final class LeftReceived {

    private static final Logger log = LoggerFactory.getLogger(LeftReceived.class);

    private final MessageStore store;
    /** Looked up when needed: the channels that reprocess hand their messages to the receipt backlog. */
    private final ObjectProvider<MessageReprocessing> reprocessing;

    LeftReceived(MessageStore store, ObjectProvider<MessageReprocessing> reprocessing) {
        this.store = store;
        this.reprocessing = reprocessing;
    }

    /**
     * Processes again those that came before {@code before}, while {@code going} holds: those not reached stay
     * RECEIVED for the next look. A message's failure is its own; the store's, the caller's.
     */
    void processBefore(Instant before, BooleanSupplier going) {
        List<Long> left = store.receivedBefore(before);
        if (left.isEmpty()) {
            return;
        }
        log.warn("{} messages acknowledged on receipt before {} are still without their work items; processing them"
                + " again", left.size(), before);
        for (long id : left) {
            if (!going.getAsBoolean()) {
                return;
            }
            try {
                reprocessing.getObject().processAgain(id);
            } catch (RuntimeException e) {
                log.error("Message {} acknowledged on receipt could not be processed again: {}", id,
                        e.getClass().getName());
                log.debug("Processing failure", e);
            }
        }
    }
}
