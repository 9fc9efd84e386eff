package org.liaisonhub.store;

import java.util.List;
import org.liaisonhub.platform.FacilityScope;
import org.springframework.stereotype.Service;

/**
 * A stored message with its raw text and what it did, and processing it again by its channel's
 * {@link MessageReprocessor}: work items are matched, never doubled. The API and the console both come here.
 */
@Service
public class MessageReprocessing {

    private final MessageStore store;
    private final List<MessageReprocessor> reprocessors;

    MessageReprocessing(MessageStore store, List<MessageReprocessor> reprocessors) {
        this.store = store;
        this.reprocessors = reprocessors;
    }

    /** Refuses, as unknown, a message the caller's scope does not cover (by its sending facility, MSH-4). */
    public void requireVisible(long id, FacilityScope scope) {
        store.find(id).filter(message -> scope.allowsSender(message.envelope().sendingFacility()))
                .orElseThrow(() -> new MessageNotFoundException(id));
    }

    public StoredMessageDetail detail(long id) {
        StoredMessage message = store.find(id).orElseThrow(() -> new MessageNotFoundException(id));
        return new StoredMessageDetail(message, store.rawText(id).orElse(""), store.acknowledgement(id).orElse(null),
                store.effects(id));
    }

    /** Processes the message again and answers it as it now stands. */
    public StoredMessageDetail reprocess(long id) {
        processAgain(id);
        return detail(id);
    }

    /** Processes the message again by its channel, recording the new outcome on it. */
    public void processAgain(long id) {
        StoredMessage message = store.find(id).orElseThrow(() -> new MessageNotFoundException(id));
        MessageReprocessor reprocessor = reprocessors.stream()
                .filter(r -> r.handles(message.envelope().channel()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No reprocessor for channel " + message.envelope().channel()));
        reprocessor.reprocess(message, store.rawText(id).orElse(""));
    }
}
