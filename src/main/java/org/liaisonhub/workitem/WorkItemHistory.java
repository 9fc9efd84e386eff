package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happened to each work item, by whom and from which message: append-only. Callers own the transaction.
 * Entries added in a transaction are written together, in one round trip, just before it commits (or before this
 * class reads history in it): a message that opens two items writes four entries with dispatch on, and on one
 * connection the hub's time per message is mostly round trips to the database (BENCHMARKS.md). A transaction
 * suspended for another keeps its entries apart; a savepoint does not (a rolled-back savepoint would leave its
 * entries to be written), so no entry is added inside one.
 */
@Repository
public class WorkItemHistory {

    private static final String INSERT = """
            insert into work_item_history (work_item_id, occurred_at, action, from_status, to_status, actor,
                message_id, detail)
            values (:item, :now, :action, :from, :to, :actor, :message, :detail)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    WorkItemHistory(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether this message already created or changed this item (so applying it again must do nothing). */
    boolean changedBy(long itemId, long messageId) {
        writePending();
        Integer count = jdbc.queryForObject(
                "select count(*) from work_item_history where work_item_id = :item and message_id = :message",
                new MapSqlParameterSource("item", itemId).addValue("message", messageId), Integer.class);
        return count != null && count > 0;
    }

    /** The action of the item's latest history entry, null when it has none. */
    String lastAction(long itemId) {
        writePending();
        return jdbc.queryForList("""
                select action from work_item_history where work_item_id = :item order by id desc limit 1""",
                new MapSqlParameterSource("item", itemId), String.class).stream().findFirst().orElse(null);
    }

    /** Adds an entry; in a transaction it is written at the latest just before the transaction commits. */
    public void add(long itemId, String action, WorkItemStatus from, WorkItemStatus to, String actor,
            Long messageId, Map<String, ?> detail, Instant now) {
        MapSqlParameterSource entry = new MapSqlParameterSource()
                .addValue("item", itemId)
                .addValue("now", utc(now))
                .addValue("action", action)
                .addValue("from", from == null ? null : from.name())
                .addValue("to", to == null ? null : to.name())
                .addValue("actor", actor)
                .addValue("message", messageId)
                .addValue("detail", detail == null || detail.isEmpty() ? null : toJson(detail));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(INSERT, entry);
            return;
        }
        pending().add(entry);
    }

    private List<SqlParameterSource> pending() {
        List<SqlParameterSource> entries = bound();
        if (entries == null) {
            List<SqlParameterSource> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writePending();
                }

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(WorkItemHistory.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(WorkItemHistory.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WorkItemHistory.this);
                }
            });
            entries = created;
        }
        return entries;
    }

    /** Writes the entries this transaction added so far, in one batch. */
    private void writePending() {
        List<SqlParameterSource> entries = bound();
        if (entries == null || entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, entries.toArray(SqlParameterSource[]::new));
        entries.clear();
    }

    /** The entries the current transaction added and has not written yet; null when it added none. */
    @SuppressWarnings("unchecked")
    private List<SqlParameterSource> bound() {
        return (List<SqlParameterSource>) TransactionSynchronizationManager.getResource(this);
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Work-item history cannot be written as JSON", e);
        }
    }

    /** The item's history, oldest first. */
    public List<HistoryEntry> of(long itemId) {
        writePending();
        return jdbc.query("""
                select id, occurred_at, action, from_status, to_status, actor, message_id, detail
                from work_item_history where work_item_id = :item order by id""",
                new MapSqlParameterSource("item", itemId), this::map);
    }

    private HistoryEntry map(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_status");
        String to = rs.getString("to_status");
        String detail = rs.getString("detail");
        try {
            return new HistoryEntry(
                    rs.getLong("id"),
                    instant(rs, "occurred_at"),
                    rs.getString("action"),
                    from == null ? null : WorkItemStatus.valueOf(from),
                    to == null ? null : WorkItemStatus.valueOf(to),
                    rs.getString("actor"),
                    rs.getObject("message_id", Long.class),
                    detail == null ? null : json.readTree(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history detail of entry " + rs.getLong("id"), e);
        }
    }
}
