package org.liaisonhub.platform.audit;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;
import static org.liaisonhub.platform.Text.fit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.PagedQuery;
import org.liaisonhub.platform.Savepoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access audit trail, append-only and chained: this class only inserts and reads, the database refuses updates,
 * deletes (a trigger) and TRUNCATE (another); each row carries a hash over its content and the row before it
 * ({@link AuditChain}), so a row changed or removed behind the hub's back is found by {@link #verify()}.
 */
@Repository
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final String COLUMNS = """
            id, occurred_at, principal, action, resource_type, resource_ids, method, path, status, remote_address,
            detail""";

    private final NamedParameterJdbcTemplate jdbc;
    /**
     * A savepoint of the caller's transaction, so a failed insert does not undo the caller's work; with no
     * transaction, one of its own, so the event is durable when record returns.
     */
    private final Savepoints savepoints;
    private final TransactionTemplate readOnly;

    public AuditTrail(NamedParameterJdbcTemplate jdbc, Savepoints savepoints, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Records an event; a failure to record is logged as an error and does not undo what was done. */
    public void record(String principal, String action, String resourceType, String resourceIds, String method,
            String path, int status, String remoteAddress, String detail) {
        try {
            append(principal, action, resourceType, resourceIds, method, path, status, remoteAddress, detail);
        } catch (RuntimeException e) {
            log.error("Access audit could not record {} by {} on {} {}: {}", action, principal, method, path,
                    e.getClass().getName());
        }
    }

    /**
     * Records a disclosure of patient data before it is made: when the event cannot be recorded, this throws and the
     * data must not be sent (fail closed).
     *
     * @throws AuditUnavailableException when the trail cannot take the event
     */
    public void recordDisclosure(String principal, String action, String resourceType, String resourceIds,
            String method, String path, int status, String remoteAddress, String detail) {
        try {
            append(principal, action, resourceType, resourceIds, method, path, status, remoteAddress, detail);
        } catch (RuntimeException e) {
            log.error("Access audit could not record {} by {} on {} {}: {}; nothing is disclosed", action, principal,
                    method, path, e.getClass().getName());
            throw new AuditUnavailableException(e);
        }
    }

    private void append(String principal, String action, String resourceType, String resourceIds, String method,
            String path, int status, String remoteAddress, String detail) {
        // the database keeps microseconds: the hash is made of what will be read back
        AuditEvent row = new AuditEvent(0, Instant.now().truncatedTo(ChronoUnit.MICROS),
                fit(principal == null ? "anonymous" : principal, 255), action, resourceType, fit(resourceIds, 4000),
                method, fit(path, 500), status, fit(remoteAddress, 255), fit(detail, 500));
        savepoints.attempt(() -> {
            String previous = jdbc.queryForObject("select last_hash from access_audit_head where id = 1 for update",
                    Map.of(), String.class);
            String hash = AuditChain.hash(previous, row);
            KeyHolder id = new GeneratedKeyHolder();
            jdbc.update("""
                    insert into access_audit (occurred_at, principal, action, resource_type, resource_ids, method,
                        path, status, remote_address, detail, previous_hash, row_hash)
                    values (:at, :principal, :action, :type, :ids, :method, :path, :status, :remote, :detail,
                        :previous, :hash)""",
                    new MapSqlParameterSource()
                            .addValue("at", utc(row.at()))
                            .addValue("principal", row.principal())
                            .addValue("action", row.action())
                            .addValue("type", row.resourceType())
                            .addValue("ids", row.resourceIds())
                            .addValue("method", row.method())
                            .addValue("path", row.path())
                            .addValue("status", row.status())
                            .addValue("remote", row.remoteAddress())
                            .addValue("detail", row.detail())
                            .addValue("previous", previous)
                            .addValue("hash", hash), id, new String[] {"id"});
            return jdbc.update("update access_audit_head set last_id = :id, last_hash = :hash where id = 1",
                    new MapSqlParameterSource("id", id.getKey().longValue()).addValue("hash", hash));
        });
    }

    /**
     * Recomputes the chain from its first row to the head as it is now (rows recorded meanwhile are left for the next
     * verification).
     */
    public AuditVerdict verify() {
        return readOnly.execute(tx -> {
            Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from access_audit_head where id = 1",
                    Map.of());
            Number lastId = (Number) head.get("last_id");
            long unchained = jdbc.queryForObject("select count(*) from access_audit where row_hash is null",
                    Map.of(), Long.class);
            ChainWalk walk = new ChainWalk();
            JdbcTemplate rows = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
            rows.setFetchSize(1000);
            rows.query("select " + COLUMNS + ", previous_hash, row_hash from access_audit where row_hash is not null"
                    + " and id <= ? order by id", (RowCallbackHandler) rs -> walk.next(map(rs, 0),
                    rs.getString("previous_hash"), rs.getString("row_hash")), lastId == null ? 0 : lastId.longValue());
            return walk.verdict(unchained, (String) head.get("last_hash"));
        });
    }

    public Page<AuditEvent> search(String principal, String action, String resourceType, String resourceId,
            Instant from, Instant to, int page, int size) {
        PagedQuery query = new PagedQuery(COLUMNS, "access_audit")
                .whereEquals("principal", "principal", principal)
                .whereEquals("action", "action", action)
                .whereEquals("resource_type", "type", resourceType);
        if (resourceId != null && !resourceId.isBlank()) {
            // ids are stored comma-separated: match one whole id
            query.where("(',' || resource_ids || ',') like :idPattern", "idPattern", "%," + resourceId.trim() + ",%");
        }
        if (from != null) {
            query.where("occurred_at >= :from", "from", utc(from));
        }
        if (to != null) {
            query.where("occurred_at < :to", "to", utc(to));
        }
        return query.page(jdbc, "id desc", AuditTrail::map, page, size);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("principal"),
                rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_ids"),
                rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("remote_address"),
                rs.getString("detail"));
    }
}
