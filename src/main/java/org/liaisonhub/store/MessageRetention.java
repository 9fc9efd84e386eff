package org.liaisonhub.store;

import java.time.Instant;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Raw messages go {@code hub.retention.messages} after their processing ended, and {@code hub.retention.errors}
 * after they went into ERROR if nobody reprocessed them. Nothing refers to a message by key, so they go first.
 */
@Component
@Order(100)
class MessageRetention implements RetainedData {

    private final MessageStore store;

    MessageRetention(MessageStore store) {
        this.store = store;
    }

    @Override
    public String what() {
        return "messages";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        return store.purge(now.minus(retention.messages()), now.minus(retention.errors()), batch);
    }
}
