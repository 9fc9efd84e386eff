package org.liaisonhub.dispatch.fhir;

import java.time.Instant;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.workitem.WorkItem;

/**
 * Everything a vendor request is built from. Built twice from the same values, it is the same bundle: retries
 * and restarts repeat the request, not a variation of it.
 *
 * @param item the work item as it stood when the request was decided
 */
public record VendorRequest(String idempotencyKey, Instant decidedAt, boolean cancel, WorkItem item,
        String vendorName, Vendor vendor) {
}
