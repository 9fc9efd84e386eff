package org.liaisonhub.workitem;

import java.util.Locale;

/**
 * Filters for the work list; null means "any".
 *
 * @param assignee       only the items of this person
 * @param unassignedOnly only the items nobody has claimed
 * @param openOnly       only the items still owed (not completed or cancelled)
 * @param overdueOnly    only the open items past their due time
 * @param order          the order of the list
 */
public record WorkItemSearch(String type, WorkItemStatus status, String mrn, String visitNumber, String facility,
        String unit, String vendor, String assignee, Priority priority, boolean unassignedOnly, boolean openOnly,
        boolean overdueOnly, Order order) {

    /** The orders of a work list. */
    public enum Order {
        /** newest item first (the default) */
        CREATED("created_at desc, id desc"),
        /** newest change first */
        UPDATED("updated_at desc, id desc"),
        /** soonest due first; items without a due time last */
        DUE("due_at asc nulls last, id"),
        /** most urgent first (stat, asap, urgent, routine), then soonest due */
        PRIORITY("case priority when 'stat' then 0 when 'asap' then 1 when 'urgent' then 2 else 3 end,"
                + " due_at asc nulls last, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        /** The order named {@code created}, {@code updated}, {@code due} or {@code priority}. */
        public static Order of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be one of created, updated, due, priority; not '"
                        + name + "'");
            }
        }
    }

    public WorkItemSearch {
        order = order == null ? Order.CREATED : order;
    }

    /** Every item of a type, status and patient (or visit), newest first. */
    public WorkItemSearch(String type, WorkItemStatus status, String mrn, String visitNumber) {
        this(type, status, mrn, visitNumber, null, null, null, null, null, false, false, false, Order.CREATED);
    }
}
