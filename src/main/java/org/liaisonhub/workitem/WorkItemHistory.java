package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What happened to each work item, by whom and from which message: append-only. Callers own the transaction. */
@Repository
public class WorkItemHistory {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    WorkItemHistory(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether this message already created or changed this item (so applying it again must do nothing). */
    boolean changedBy(long itemId, long messageId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from work_item_history where work_item_id = :item and message_id = :message",
                new MapSqlParameterSource("item", itemId).addValue("message", messageId), Integer.class);
        return count != null && count > 0;
    }

    /** The action of the item's latest history entry, null when it has none. */
    String lastAction(long itemId) {
        return jdbc.queryForList("""
                select action from work_item_history where work_item_id = :item order by id desc limit 1""",
                new MapSqlParameterSource("item", itemId), String.class).stream().findFirst().orElse(null);
    }

    public void add(long itemId, String action, WorkItemStatus from, WorkItemStatus to, String actor,
            Long messageId, Map<String, ?> detail, Instant now) {
        try {
            jdbc.update("""
                    insert into work_item_history (work_item_id, occurred_at, action, from_status, to_status, actor,
                        message_id, detail)
                    values (:item, :now, :action, :from, :to, :actor, :message, :detail)""",
                    new MapSqlParameterSource()
                            .addValue("item", itemId)
                            .addValue("now", utc(now))
                            .addValue("action", action)
                            .addValue("from", from == null ? null : from.name())
                            .addValue("to", to == null ? null : to.name())
                            .addValue("actor", actor)
                            .addValue("message", messageId)
                            .addValue("detail", detail == null || detail.isEmpty() ? null
                                    : json.writeValueAsString(detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Work-item history cannot be written as JSON", e);
        }
    }

    /** The item's history, oldest first. */
    public List<HistoryEntry> of(long itemId) {
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
