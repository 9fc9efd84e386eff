package org.liaisonhub.workitem;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A piece of liaison work for one patient (and visit, where known).
 *
 * @param key     what distinguishes two items of one type in one visit (e.g. payer and member id); empty if nothing
 * @param details what the liaison or vendor needs, as the mapping rule produced it
 * @param patient the patient's demographics when the item was last opened or updated
 * @param location where the patient was when the item was last opened or updated
 * @param vendor  the vendor the item was handed to, null if none
 * @param vendorReference the vendor's id for the request (from its response or callbacks)
 * @param vendorReport    what the vendor reported it learned (a pickup time, an eligibility result), empty if none
 * @param due       when the work is due, as the mapping rule set it; null if the rule sets no time
 * @param overdueAt when the item was found open past its due time; null if it has not been
 */
public record WorkItem(
        long id,
        String type,
        WorkItemStatus status,
        String mrn,
        String visitNumber,
        String key,
        Map<String, Object> details,
        Map<String, Object> patient,
        PatientLocation location,
        String assignee,
        String vendor,
        String vendorReference,
        Map<String, Object> vendorReport,
        Instant due,
        Priority priority,
        Instant overdueAt,
        Instant createdAt,
        Instant updatedAt,
        Long sourceMessageId) {

    /** Open and past its due time (as the overdue check last found it). */
    @JsonProperty("overdue")
    public boolean overdue() {
        return overdueAt != null && status.isOpen();
    }

    /**
     * The details with nested groups flattened to dotted names ({@code pickup.room}), in the mapping's order, as
     * text: what a vendor's Task inputs and the console's item page list.
     */
    public Map<String, String> flatDetails() {
        return flat(details);
    }

    /** What the vendor reported, flattened as the details are ({@code eligibility.inforce}). */
    public Map<String, String> flatVendorReport() {
        return flat(vendorReport);
    }

    static Map<String, String> flat(Map<String, Object> values) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", values, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> values, Map<String, String> flat) {
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) nested;
                flatten(prefix + name + ".", group, flat);
            } else if (value != null) {
                flat.put(prefix + name, value.toString());
            }
        });
    }
}
