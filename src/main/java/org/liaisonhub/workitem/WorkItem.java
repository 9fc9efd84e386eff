package org.liaisonhub.workitem;

import java.time.Instant;
import java.util.Map;

/**
 * A piece of liaison work for one patient (and visit, where known).
 *
 * @param key     what distinguishes two items of one type in one visit (e.g. payer and member id); empty if nothing
 * @param details what the liaison or vendor needs, as the mapping rule produced it
 */
public record WorkItem(
        long id,
        String type,
        WorkItemStatus status,
        String mrn,
        String visitNumber,
        String key,
        Map<String, Object> details,
        String assignee,
        Instant createdAt,
        Instant updatedAt,
        Long sourceMessageId) {
}
