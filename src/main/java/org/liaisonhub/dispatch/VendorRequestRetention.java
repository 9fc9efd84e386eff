package org.liaisonhub.dispatch;

import java.time.Instant;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The vendor requests (they hold the patient's snapshot) and dead letters of work items closed
 * {@code hub.retention.messages} ago. They refer to their work items, so they go before those.
 */
@Component
@Order(200)
class VendorRequestRetention implements RetainedData {

    private final Outbox outbox;

    VendorRequestRetention(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String what() {
        return "vendor requests";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        return outbox.purgeClosedBefore(now.minus(retention.messages()), now.minus(retention.workItems()), batch);
    }
}
