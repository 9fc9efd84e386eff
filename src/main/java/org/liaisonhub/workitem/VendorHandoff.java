package org.liaisonhub.workitem;

import java.util.Optional;

/**
 * Hands work to vendors. Vendor dispatch implements it; the work-item code calls it inside the transaction that
 * changes the item, so a request to a vendor is decided if and only if the change commits.
 */
public interface VendorHandoff {

    /**
     * The item was opened or its details changed.
     *
     * @param messageId the inbound message behind the change, if any
     * @return the vendor the item now goes to; empty when no enabled vendor takes its type
     */
    Optional<String> request(WorkItem item, Long messageId);

    /** The item, handed to {@code item.vendor()} before, was cancelled: the vendor must hear of it. */
    void cancel(WorkItem item, Long messageId);
}
