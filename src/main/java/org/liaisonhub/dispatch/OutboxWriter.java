package org.liaisonhub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.workitem.VendorHandoff;
import org.liaisonhub.workitem.WorkItem;
import org.springframework.stereotype.Component;

/**
 * Decides vendor requests for work-item changes: an outbox row in the change's transaction, with a snapshot of
 * the item as it then stood, and a nudge to the relay once that transaction commits.
 */
@Component
class OutboxWriter implements VendorHandoff {

    private final Vendors vendors;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    OutboxWriter(Vendors vendors, Outbox outbox, OutboxRelay relay, ObjectMapper json) {
        this.vendors = vendors;
        this.outbox = outbox;
        this.relay = relay;
        this.json = json;
    }

    @Override
    public Optional<String> request(WorkItem item, Long messageId) {
        Optional<String> vendor = vendors.dispatching(item.type());
        vendor.ifPresent(name -> add(item, name, Action.REQUEST, messageId));
        return vendor;
    }

    @Override
    public void cancel(WorkItem item, Long messageId) {
        if (item.vendor() != null && vendors.find(item.vendor()).isPresent()) {
            add(item, item.vendor(), Action.CANCEL, messageId);
        }
    }

    private void add(WorkItem item, String vendor, Action action, Long messageId) {
        Long correlation = messageId != null ? messageId : item.sourceMessageId();
        outbox.add(item.id(), vendor, action, null, correlation == null ? null : String.valueOf(correlation),
                snapshot(item), Instant.now());
        relay.wakeUpAfterCommit();
    }

    private String snapshot(WorkItem item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A work item that cannot be written as JSON", e);
        }
    }
}
