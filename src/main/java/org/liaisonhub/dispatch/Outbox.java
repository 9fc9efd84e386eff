package org.liaisonhub.dispatch;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.platform.Text;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    /** A vendor's requests that may go now: see {@link #lockRelayable}. */
    private static final String RELAYABLE = """
            select o.id from outbox o where o.vendor = :vendor and o.status = 'PENDING'
            and (o.next_attempt_at is null or o.next_attempt_at <= :now
                or exists (select 1 from outbox l where l.work_item_id = o.work_item_id and l.sequence > o.sequence
                    and l.status <> 'SKIPPED'))
            and not exists (select 1 from outbox e where e.work_item_id = o.work_item_id
                and e.status in ('PENDING', 'RELAYED') and e.sequence < o.sequence)""";

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
        // the item's next sequence and the row in one statement (one round trip); callers hold the item's lock
        return jdbc.queryForObject("""
                insert into outbox (work_item_id, vendor, action, sequence, idempotency_key, correlation_id, snapshot,
                    status, created_at)
                select :item, :vendor, :action, next.sequence, coalesce(:key, 'liaison-hub/work-item/' || :item || '/'
                    || next.sequence || '/' || :actionName), :correlation, :snapshot, 'PENDING', :now
                from (select coalesce(max(sequence), 0) + 1 as sequence from outbox where work_item_id = :item) next
                returning id""",
                new MapSqlParameterSource()
                        .addValue("item", workItemId)
                        .addValue("vendor", vendor)
                        .addValue("action", action.name())
                        .addValue("actionName", action.name().toLowerCase(Locale.ROOT))
                        .addValue("key", idempotencyKey)
                        .addValue("correlation", correlationId)
                        .addValue("snapshot", snapshot)
                        .addValue("now", utc(now)),
                Long.class);
    }

    /**
     * Locks a vendor's oldest requests that may go to its queue now: due (never tried, or their next attempt has
     * come), or superseded by a later request of their item (the delivery then skips them at once rather than at
     * their next attempt); and only the first unfinished request of each work item, so that an item's requests reach
     * the vendor in order and one waiting for its next attempt holds back its own item's later ones and nothing
     * else. The batch is chosen first, reading at most {@code limit} rows of the vendor's pending index in order,
     * then locked (the relay's round then costs the same whatever the backlog; the benchmark history's second and
     * third rounds measured the other shapes). Rows another instance has locked are skipped; one that it relayed meanwhile no longer matches.
     */
    public List<OutboxEntry> lockRelayable(String vendor, int limit, Instant now) {
        return lock(RELAYABLE + " order by o.vendor, o.status, o.id limit :limit", vendor, limit, now);
    }

    /**
     * Locks the request that probes a vendor whose circuit is half open: one never tried if there is one, so that
     * a request the vendor refuses whatever happens (one patient's, say) does not keep the circuit open for all.
     */
    public List<OutboxEntry> lockProbe(String vendor, Instant now) {
        return lock(RELAYABLE + " order by case when o.attempts = 0 then 0 else 1 end, o.id limit :limit", vendor, 1,
                now);
    }

    private List<OutboxEntry> lock(String choice, String vendor, int limit, Instant now) {
        List<Long> oldest = jdbc.queryForList(choice,
                new MapSqlParameterSource("vendor", vendor).addValue("now", utc(now)).addValue("limit", limit),
                Long.class);
        if (oldest.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + """
                 from outbox where id in (:ids) and status = 'PENDING'
                order by id for update skip locked""", new MapSqlParameterSource("ids", oldest), ROW);
    }

    /** Locks pending requests to vendors no longer configured (none of {@code known}), which nobody would relay. */
    public List<OutboxEntry> lockOrphaned(Collection<String> known, int limit) {
        return jdbc.query("select " + COLUMNS + """
                 from outbox where status = 'PENDING' and vendor not in (:known)
                order by id limit :limit for update skip locked""",
                new MapSqlParameterSource("known", known.isEmpty() ? List.of("") : known).addValue("limit", limit),
                ROW);
    }

    public void markRelayed(long id, Instant now) {
        jdbc.update("update outbox set status = 'RELAYED', relayed_at = :now where id = :id and status = 'PENDING'",
                new MapSqlParameterSource("id", id).addValue("now", utc(now)));
    }

    /**
     * The request as its relay left it: the relay puts a request on the queue before its own transaction marks it
     * RELAYED, so a consumer quick enough would read it still PENDING; waiting for the row's lock lets that
     * transaction end first.
     */
    @Transactional
    public Optional<OutboxEntry> findRelayed(long id) {
        return jdbc.query("select " + COLUMNS + " from outbox where id = :id for update",
                new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.query("select " + COLUMNS + " from outbox where id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /**
     * Schedules the next attempt of a request whose attempt failed: back to PENDING until {@code next}, with the
     * attempts so far (kept across restarts, so that the attempt limit holds across them too). Written with the
     * attempt's outcome, not before the attempt: an attempt a crash cut off, whose outcome nobody saw, is not
     * counted.
     */
    public void scheduleRetry(long id, int attempts, Integer httpStatus, String error, Instant next) {
        jdbc.update("""
                update outbox set status = 'PENDING', attempts = :attempts, http_status = :status, last_error = :error,
                    next_attempt_at = :next
                where id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("attempts", attempts)
                        .addValue("status", httpStatus)
                        .addValue("error", Text.fit(error, 2000))
                        .addValue("next", utc(next)));
    }

    /** Puts a request back to wait, untried, until {@code until}: its vendor may not be called now. */
    public void holdBack(long id, Instant until) {
        jdbc.update("""
                update outbox set status = 'PENDING', next_attempt_at = :until
                where id = :id and status = 'RELAYED'""",
                new MapSqlParameterSource("id", id).addValue("until", utc(until)));
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
                        .addValue("error", Text.fit(error, 2000))
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
