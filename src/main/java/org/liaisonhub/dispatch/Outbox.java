package org.liaisonhub.dispatch;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table: requests decided in a work-item transaction, on their way to the vendor queues. The writes a
 * delivery makes on its own are transactions of their own, so that they too are durable when they return.
 */
@Repository
public class Outbox {

    private static final String COLUMNS = """
            id, work_item_id, vendor, action, sequence, idempotency_key, correlation_id, snapshot, status, attempts,
            created_at""";
    private static final RowMapper<OutboxEntry> ROW = Outbox::map;

    private final NamedParameterJdbcTemplate jdbc;

    public Outbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a request in the caller's transaction. Its idempotency key is derived from the item and the request's
     * sequence unless one is given (a replay repeats the key of the request it replays).
     */
    public long add(long workItemId, String vendor, Action action, String idempotencyKey, String correlationId,
            String snapshot, Instant now) {
        Integer last = jdbc.queryForObject("select max(sequence) from outbox where work_item_id = :item",
                new MapSqlParameterSource("item", workItemId), Integer.class);
        int sequence = last == null ? 1 : last + 1;
        String key = idempotencyKey != null ? idempotencyKey
                : "liaison-hub/work-item/" + workItemId + "/" + sequence + "/" + action.name().toLowerCase(Locale.ROOT);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update("""
                insert into outbox (work_item_id, vendor, action, sequence, idempotency_key, correlation_id, snapshot,
                    status, created_at)
                values (:item, :vendor, :action, :sequence, :key, :correlation, :snapshot, 'PENDING', :now)""",
                new MapSqlParameterSource()
                        .addValue("item", workItemId)
                        .addValue("vendor", vendor)
                        .addValue("action", action.name())
                        .addValue("sequence", sequence)
                        .addValue("key", key)
                        .addValue("correlation", correlationId)
                        .addValue("snapshot", snapshot)
                        .addValue("now", utc(now)),
                id, new String[] {"id"});
        return id.getKey().longValue();
    }

    /**
     * Locks the oldest pending requests that may go to their queue now: only the first pending request of each
     * work item, so that hub instances relaying side by side can never put an item's requests out of order.
     * The batch is chosen first, reading at most {@code limit} rows of the status index in order, then locked: with
     * the lock in the same query, H2 read (and locked) every pending row before applying the limit (~200 ms a round
     * with 5,000 requests waiting), and with the choice as an {@code IN (subquery)} of the locking query it ran the
     * subquery again for every row it locked. Rows another instance has locked are skipped; one that it relayed
     * meanwhile no longer matches the status test.
     */
    public List<OutboxEntry> lockRelayable(int limit) {
        List<Long> oldest = jdbc.queryForList("""
                select o.id from outbox o where o.status = 'PENDING'
                and not exists (select 1 from outbox e
                    where e.work_item_id = o.work_item_id and e.status = 'PENDING' and e.sequence < o.sequence)
                order by o.status, o.id limit :limit""", new MapSqlParameterSource("limit", limit), Long.class);
        if (oldest.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + """
                 from outbox where id in (:ids) and status = 'PENDING'
                order by id for update skip locked""", new MapSqlParameterSource("ids", oldest), ROW);
    }

    public void markRelayed(long id, Instant now) {
        jdbc.update("update outbox set status = 'RELAYED', relayed_at = :now where id = :id and status = 'PENDING'",
                new MapSqlParameterSource("id", id).addValue("now", utc(now)));
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.query("select " + COLUMNS + " from outbox where id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /**
     * Records a failed attempt that will be retried: {@code attempts} is the count so far, kept across restarts so
     * that the attempt limit holds across them too. It is written with the attempt's outcome, not before the
     * attempt: an attempt cut off by a crash, whose outcome nobody saw, is not counted.
     */
    public void recordFailedAttempt(long id, int attempts, Integer httpStatus, String error) {
        jdbc.update("update outbox set attempts = :attempts, http_status = :status, last_error = :error where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("attempts", attempts)
                        .addValue("status", httpStatus)
                        .addValue("error", fit(error)));
    }

    /** Ends a request; {@code attempts} is how many delivery attempts it took (its count so far if none was made). */
    @Transactional
    public void finish(long id, Status status, int attempts, Integer httpStatus, String error, Instant now) {
        jdbc.update("""
                update outbox set status = :status, attempts = :attempts, http_status = :http, last_error = :error,
                    finished_at = :now
                where id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("status", status.name())
                        .addValue("attempts", attempts)
                        .addValue("http", httpStatus)
                        .addValue("error", fit(error))
                        .addValue("now", utc(now)));
    }

    /**
     * Why a request need not go out (any more), or null if it should: a cancellation when no request of its item
     * reached the vendor; a request whose item was closed or removed, or that a newer request supersedes (the item
     * changed again). One statement, as it runs before every delivery and again before every retry.
     */
    public String reasonToSkip(OutboxEntry entry) {
        MapSqlParameterSource params = new MapSqlParameterSource("item", entry.workItemId())
                .addValue("sequence", entry.sequence());
        if (entry.action() == Action.CANCEL) {
            Integer delivered = jdbc.queryForObject("""
                    select count(*) from outbox
                    where work_item_id = :item and action = 'REQUEST' and status = 'DELIVERED'""", params,
                    Integer.class);
            return delivered != null && delivered > 0 ? null : "nothing was sent to cancel";
        }
        List<String> reasons = jdbc.query("""
                select w.status, exists (select 1 from outbox n where n.work_item_id = w.id and n.action = 'REQUEST'
                    and n.status <> 'SKIPPED' and n.sequence > :sequence) as superseded
                from work_item w where w.id = :item""", params, (rs, n) -> {
                    WorkItemStatus status = WorkItemStatus.valueOf(rs.getString("status"));
                    if (!status.isOpen()) {
                        return "the work item was " + status + " before it was sent";
                    }
                    return rs.getBoolean("superseded") ? "a newer request supersedes it" : null;
                });
        return reasons.isEmpty() ? "the work item was removed before it was sent" : reasons.get(0);
    }

    /**
     * Deletes, in the caller's transaction, the vendor requests and replayed dead letters of up to {@code batch} work
     * items closed (completed or cancelled) before {@code closedBefore} whose requests have all ended. An item with a
     * dead letter not yet replayed keeps everything until it has been closed since before {@code abandonedBefore}
     * (then the item itself is due to go). Open items keep their requests: what was delivered decides what a later
     * change sends.
     *
     * @return how many requests were deleted
     */
    int purgeClosedBefore(Instant closedBefore, Instant abandonedBefore, int batch) {
        List<Long> items = jdbc.queryForList("""
                select w.id from work_item w
                where w.status in ('COMPLETED', 'CANCELLED') and w.updated_at < :cutoff
                and exists (select 1 from outbox o where o.work_item_id = w.id)
                and not exists (select 1 from outbox o where o.work_item_id = w.id
                    and o.status in ('PENDING', 'RELAYED'))
                and (w.updated_at < :abandoned or not exists (select 1 from dead_letter d
                    where d.work_item_id = w.id and d.replayed_at is null))
                order by w.id limit :batch for update skip locked""",
                new MapSqlParameterSource("cutoff", utc(closedBefore)).addValue("abandoned", utc(abandonedBefore))
                        .addValue("batch", batch), Long.class);
        if (items.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource purged = new MapSqlParameterSource("items", items);
        jdbc.update("delete from dead_letter where work_item_id in (:items)", purged);
        jdbc.update("""
                delete from delivery_attempt
                where outbox_id in (select id from outbox where work_item_id in (:items))""", purged);
        return jdbc.update("delete from outbox where work_item_id in (:items)", purged);
    }

    /** Requests not yet delivered (waiting for the relay or on a vendor queue), by vendor. */
    public Map<String, Long> pendingByVendor() {
        Map<String, Long> pending = new HashMap<>();
        jdbc.query("select vendor, count(*) from outbox where status in ('PENDING', 'RELAYED') group by vendor",
                new MapSqlParameterSource(), rs -> {
                    pending.put(rs.getString(1), rs.getLong(2));
                });
        return pending;
    }

    public long pending() {
        Long count = jdbc.queryForObject("select count(*) from outbox where status in ('PENDING', 'RELAYED')",
                new MapSqlParameterSource(), Long.class);
        return count == null ? 0 : count;
    }

    private static String fit(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getLong("work_item_id"),
                rs.getString("vendor"),
                Action.valueOf(rs.getString("action")),
                rs.getInt("sequence"),
                rs.getString("idempotency_key"),
                rs.getString("correlation_id"),
                rs.getString("snapshot"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "created_at"));
    }
}
