package org.liaisonhub.dispatch.deadletter;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.liaisonhub.dispatch.OutboxEntry;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.PagedQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The dead letters, in the database next to the outbox rows they come from. */
@Repository
public class DeadLetters {

    private static final String COLUMNS = """
            d.id, d.outbox_id, d.work_item_id, d.vendor, d.action, d.reason, d.http_status, d.attempts,
            o.idempotency_key, d.created_at, d.replayed_at, d.replay_outbox_id""";
    private static final String TABLES = "dead_letter d join outbox o on o.id = d.outbox_id";
    private static final RowMapper<DeadLetter> ROW = DeadLetters::map;

    private final NamedParameterJdbcTemplate jdbc;

    public DeadLetters(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(OutboxEntry entry, String reason, Integer httpStatus, int attempts, Instant now) {
        jdbc.update("""
                insert into dead_letter (outbox_id, work_item_id, vendor, action, reason, http_status, attempts,
                    created_at)
                values (:outbox, :item, :vendor, :action, :reason, :status, :attempts, :now)""",
                new MapSqlParameterSource()
                        .addValue("outbox", entry.id())
                        .addValue("item", entry.workItemId())
                        .addValue("vendor", entry.vendor())
                        .addValue("action", entry.action().name())
                        .addValue("reason", reason == null ? "unknown"
                                : reason.length() <= 2000 ? reason : reason.substring(0, 2000))
                        .addValue("status", httpStatus)
                        .addValue("attempts", attempts)
                        .addValue("now", utc(now)));
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("select " + COLUMNS + " from " + TABLES + " where d.id = :id",
                new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    /** Locks a dead letter that has not been replayed yet. */
    public Optional<DeadLetter> lockUnreplayed(long id) {
        return jdbc.query("select " + COLUMNS + " from " + TABLES
                        + " where d.id = :id and d.replayed_at is null for update",
                new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    public void markReplayed(long id, long replayOutboxId, Instant now) {
        jdbc.update("update dead_letter set replayed_at = :now, replay_outbox_id = :replay where id = :id",
                new MapSqlParameterSource("id", id).addValue("replay", replayOutboxId).addValue("now", utc(now)));
    }

    /** @param replayed null for all, false for those still waiting, true for those replayed */
    public Page<DeadLetter> search(String vendor, Long workItemId, Boolean replayed, int page, int size) {
        PagedQuery query = new PagedQuery(COLUMNS, TABLES)
                .whereEquals("d.vendor", "vendor", vendor)
                .whereEquals("d.work_item_id", "item", workItemId);
        if (replayed != null) {
            query.where(replayed ? "d.replayed_at is not null" : "d.replayed_at is null");
        }
        return query.page(jdbc, "d.id desc", ROW, page, size);
    }

    public long unreplayed(String vendor) {
        Long count = jdbc.queryForObject(
                "select count(*) from dead_letter where vendor = :vendor and replayed_at is null",
                new MapSqlParameterSource("vendor", vendor), Long.class);
        return count == null ? 0 : count;
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(
                rs.getLong("id"),
                rs.getLong("outbox_id"),
                rs.getLong("work_item_id"),
                rs.getString("vendor"),
                rs.getString("action"),
                rs.getString("reason"),
                rs.getObject("http_status", Integer.class),
                rs.getInt("attempts"),
                rs.getString("idempotency_key"),
                instant(rs, "created_at"),
                instant(rs, "replayed_at"),
                rs.getObject("replay_outbox_id", Long.class));
    }
}
