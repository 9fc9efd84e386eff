package org.liaisonhub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.dispatch.fhir.VendorRequest;
import org.liaisonhub.dispatch.fhir.VendorRequestBuilder;
import org.liaisonhub.workitem.WorkItem;
import org.springframework.stereotype.Component;

/**
 * The body of a vendor request, built from what its outbox row kept (the item as it was when the change was
 * decided, the idempotency key, the time): the same bytes at every attempt and every replay, and what a person
 * looking at a dead letter sees.
 */
@Component
public class VendorRequestBodies {

    private final VendorRequestBuilder requests;
    private final Outbox outbox;
    private final Vendors vendors;
    private final ObjectMapper json;

    VendorRequestBodies(VendorRequestBuilder requests, Outbox outbox, Vendors vendors, ObjectMapper json) {
        this.requests = requests;
        this.outbox = outbox;
        this.vendors = vendors;
        this.json = json;
    }

    String json(OutboxEntry entry, Vendor vendor) {
        return requests.json(new VendorRequest(entry.idempotencyKey(), entry.createdAt(),
                entry.action() == Action.CANCEL, snapshot(entry), entry.vendor(), vendor));
    }

    /** The FHIR message Bundle of an outbox row; empty when the row is gone or its vendor has no URL any more. */
    public Optional<String> of(long outboxId) {
        return outbox.find(outboxId).flatMap(entry -> vendors.find(entry.vendor()).filter(Vendor::enabled)
                .map(vendor -> json(entry, vendor)));
    }

    private WorkItem snapshot(OutboxEntry entry) {
        try {
            return json.readValue(entry.snapshot(), WorkItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox row " + entry.id() + " holds an unreadable work item", e);
        }
    }
}
