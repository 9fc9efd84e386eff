package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.utc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.PagedQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Work items and their history in the database. Callers own the transaction. */
@Repository
public class WorkItemRepository {

    private static final String COLUMNS = WorkItemRows.COLUMNS;
    /**
     * A status change: {@code is_open} follows the status (TRUE while open, NULL once closed), so that an item that
     * closes leaves the open-key index and new work of its kind can be created.
     */
    private static final String SET_STATUS =
            "status = :status, is_open = case when :open then true end, updated_at = :now";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkItemRows row;

    public WorkItemRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.row = new WorkItemRows(json);
    }

    /**
     * Inserts an open item and returns it as stored, unless an open item with the same natural key exists (one
     * created concurrently): then nothing is inserted and the result is empty. One round trip, no savepoint.
     */
    public Optional<WorkItem> insertOpen(WorkNeeded needed, String naturalKey, long sourceMessageId, Instant now) {
        return jdbc.query("""
                insert into work_item (type, status, mrn, visit_number, item_key, natural_key, is_open, details,
                    patient, facility, unit, due_at, priority, source_message_id, created_at, updated_at)
                values (:type, :status, :mrn, :visit, :itemKey, :naturalKey, true, :details,
                    :patient, :facility, :unit, :due, :priority, :sourceMessageId, :now, :now)
                on conflict do nothing""" + " returning " + COLUMNS,
                new MapSqlParameterSource()
                        .addValue("type", needed.type())
                        .addValue("status", WorkItemStatus.NEW.name())
                        .addValue("mrn", needed.mrn())
                        .addValue("visit", needed.visitNumber())
                        .addValue("itemKey", needed.key())
                        .addValue("naturalKey", naturalKey)
                        .addValue("details", row.toJson(needed.details()))
                        .addValue("patient", row.toJson(needed.patient()))
                        .addValue("facility", needed.location().facility())
                        .addValue("unit", needed.location().unit())
                        .addValue("due", utc(needed.due()))
                        .addValue("priority", needed.priority().code())
                        .addValue("sourceMessageId", sourceMessageId)
                        .addValue("now", utc(now)),
                row).stream().findFirst();
    }

    public Optional<WorkItem> find(long id) {
        return jdbc.query("select " + COLUMNS + " from work_item where id = :id",
                new MapSqlParameterSource("id", id), row).stream().findFirst();
    }

    /** Locks the item for the rest of the transaction. */
    public Optional<WorkItem> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from work_item where id = :id for update",
                new MapSqlParameterSource("id", id), row).stream().findFirst();
    }

    /** Locks the item for the rest of the transaction; only its status is read (vendor dispatch needs no more). */
    public Optional<WorkItemStatus> lockStatus(long id) {
        return jdbc.query("select status from work_item where id = :id for update",
                new MapSqlParameterSource("id", id), (rs, n) -> WorkItemStatus.valueOf(rs.getString("status")))
                .stream().findFirst();
    }

    /** Locks the open item with this natural key, if there is one. */
    public Optional<WorkItem> lockOpen(String naturalKey) {
        return jdbc.query("select " + COLUMNS + " from work_item where natural_key = :key and is_open for update",
                new MapSqlParameterSource("key", naturalKey), row).stream().findFirst();
    }

    /**
     * Locks the item with this natural key that matters to new work of its kind: the open one if there is one, else
     * the most recently created closed one. One round trip where asking for each would take two.
     */
    public Optional<WorkItem> lockCurrent(String naturalKey) {
        return jdbc.query("select " + COLUMNS + " from work_item where natural_key = :key"
                + " order by is_open nulls last, id desc limit 1 for update",
                new MapSqlParameterSource("key", naturalKey), row).stream().findFirst();
    }

    /**
     * Locks the open items of a patient's visit (a null visit means items without one), optionally of some types and
     * of a key: the key itself or, as its first parts, followed by {@code |} and more.
     */
    public List<WorkItem> lockOpenForVisit(String mrn, String visitNumber, Set<String> types, String key) {
        MapSqlParameterSource params = new MapSqlParameterSource("mrn", mrn).addValue("visit", visitNumber);
        String sql = "select " + COLUMNS + " from work_item where is_open and mrn = :mrn and "
                + (visitNumber == null ? "visit_number is null" : "visit_number = :visit");
        if (!types.isEmpty()) {
            sql += " and type in (:types)";
            params.addValue("types", types);
        }
        if (key != null) {
            sql += " and (item_key = :key or substr(item_key, 1, :prefixLength) = :prefix)";
            params.addValue("key", key).addValue("prefix", key + "|").addValue("prefixLength", key.length() + 1);
        }
        return jdbc.query(sql + " order by id for update", params, row);
    }

    /**
     * Replaces the item's details, demographics, location, due time and priority; returns the item as it now stands.
     * A new due time clears the overdue mark: a rescheduled item is overdue again only once the new time passes.
     */
    public WorkItem updateDetails(long id, WorkNeeded needed, Instant now) {
        return jdbc.queryForObject("""
                update work_item set details = :details, patient = :patient, facility = :facility, unit = :unit,
                    overdue_at = case when due_at is distinct from cast(:due as timestamp with time zone) then null
                        else overdue_at end,
                    due_at = :due, priority = :priority, updated_at = :now where id = :id""" + " returning " + COLUMNS,
                new MapSqlParameterSource("id", id)
                        .addValue("details", row.toJson(needed.details()))
                        .addValue("patient", row.toJson(needed.patient()))
                        .addValue("facility", needed.location().facility())
                        .addValue("unit", needed.location().unit())
                        .addValue("due", utc(needed.due()))
                        .addValue("priority", needed.priority().code())
                        .addValue("now", utc(now)), row);
    }

    /** Locks the open items of a patient, of every visit and of none. */
    public List<WorkItem> lockOpenOfPatient(String mrn) {
        return jdbc.query("select " + COLUMNS + " from work_item where is_open and mrn = :mrn order by id for update",
                new MapSqlParameterSource("mrn", mrn), row);
    }

    /** Gives an open item to another MRN (a merge), under its natural key there; returns it as it now stands. */
    public WorkItem moveToPatient(long id, String mrn, String naturalKey, Instant now) {
        return jdbc.queryForObject("update work_item set mrn = :mrn, natural_key = :naturalKey, updated_at = :now"
                + " where id = :id returning " + COLUMNS, new MapSqlParameterSource("id", id).addValue("mrn", mrn)
                .addValue("naturalKey", naturalKey).addValue("now", utc(now)), row);
    }

    /** Records that a patient's record was merged into another, for the message store's search by MRN. */
    public void recordMerge(String priorMrn, String survivingMrn, long messageId, Instant now) {
        jdbc.update("""
                insert into patient_merge (prior_mrn, surviving_mrn, message_id, merged_at)
                select :prior, :surviving, :message, :now where not exists (select 1 from patient_merge
                    where prior_mrn = :prior and surviving_mrn = :surviving)""",
                new MapSqlParameterSource("prior", priorMrn).addValue("surviving", survivingMrn)
                        .addValue("message", messageId).addValue("now", utc(now)));
    }

    /** Replaces the item's demographics and location (its details stay); the patient moved or changed class. */
    public void updatePatient(long id, Map<String, Object> patient, PatientLocation location, Instant now) {
        jdbc.update("update work_item set patient = :patient, facility = :facility, unit = :unit, updated_at = :now"
                + " where id = :id", new MapSqlParameterSource("id", id)
                .addValue("patient", row.toJson(patient))
                .addValue("facility", location.facility())
                .addValue("unit", location.unit())
                .addValue("now", utc(now)));
    }

    /**
     * Records which vendor has the item, its status (unchanged or moved, in the same statement) and, once known, the
     * vendor's own reference for it.
     */
    public void updateVendor(long id, String vendor, String vendorReference, WorkItemStatus status, Instant now) {
        jdbc.update("update work_item set vendor = :vendor, vendor_reference = coalesce(:reference, vendor_reference), "
                + SET_STATUS + " where id = :id",
                statusChange(id, status, now).addValue("vendor", vendor).addValue("reference", vendorReference));
    }

    public void updateStatus(long id, WorkItemStatus status, Instant now) {
        jdbc.update("update work_item set " + SET_STATUS + " where id = :id", statusChange(id, status, now));
    }

    private static MapSqlParameterSource statusChange(long id, WorkItemStatus status, Instant now) {
        return new MapSqlParameterSource("id", id)
                .addValue("status", status.name())
                .addValue("open", status.isOpen())
                .addValue("now", utc(now));
    }

    /** Adds what the vendor reported it learned to what it reported before (a newer value replaces an older). */
    public void addVendorReport(WorkItem item, Map<String, Object> learned, Instant now) {
        Map<String, Object> report = new LinkedHashMap<>(item.vendorReport());
        report.putAll(learned);
        jdbc.update("update work_item set vendor_report = :report, updated_at = :now where id = :id",
                new MapSqlParameterSource("id", item.id()).addValue("report", row.toJson(report))
                        .addValue("now", utc(now)));
    }

    public void updateAssignee(long id, String assignee, Instant now) {
        jdbc.update("update work_item set assignee = :assignee, updated_at = :now where id = :id",
                new MapSqlParameterSource("id", id).addValue("assignee", assignee).addValue("now", utc(now)));
    }

    /** The facilities and units of open items, for the work list's filters (a bounded index-only read). */
    public List<PatientLocation> openLocations() {
        return jdbc.query("""
                select distinct facility, unit from work_item
                where is_open and (facility is not null or unit is not null)
                order by facility, unit limit 500""", Map.of(),
                (rs, n) -> new PatientLocation(rs.getString("facility"), rs.getString("unit")));
    }

    /** The items a search finds among those the caller's scope allows. */
    public Page<WorkItem> search(WorkItemSearch search, FacilityScope scope, int page, int size) {
        return new PagedQuery(COLUMNS, "work_item")
                .whereScope("facility", scope, false)
                .whereEquals("type", "type", search.type())
                .whereEquals("status", "status", search.status() == null ? null : search.status().name())
                .whereEquals("mrn", "mrn", search.mrn())
                .whereEquals("visit_number", "visit", search.visitNumber())
                .whereEquals("assignee", "assignee", search.assignee())
                .whereEquals("facility", "facility", search.facility())
                .whereEquals("unit", "unit", search.unit())
                .whereEquals("vendor", "vendor", search.vendor())
                .whereEquals("priority", "priority", search.priority() == null ? null : search.priority().code())
                .whereIf(search.unassignedOnly(), "assignee is null")
                .whereIf(search.openOnly(), "is_open")
                .whereIf(search.overdueOnly(), "is_open and overdue_at is not null")
                .page(jdbc, search.order().sql(), row, page, size);
    }
}
