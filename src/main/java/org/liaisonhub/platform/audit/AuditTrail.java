package org.liaisonhub.platform.audit;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;
import static org.liaisonhub.platform.Text.fit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.PagedQuery;
import org.liaisonhub.platform.Savepoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The access audit trail, append-only: this class only inserts and reads, and the database refuses updates and
 * deletes of the table (a trigger on both H2 and PostgreSQL).
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

    public AuditTrail(NamedParameterJdbcTemplate jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    /** Records an event; a failure to record is logged as an error and does not undo what was done. */
    public void record(String principal, String action, String resourceType, String resourceIds, String method,
            String path, int status, String remoteAddress, String detail) {
        try {
            savepoints.attempt(() -> jdbc.update("""
                    insert into access_audit (occurred_at, principal, action, resource_type, resource_ids, method,
                        path, status, remote_address, detail)
                    values (:at, :principal, :action, :type, :ids, :method, :path, :status, :remote, :detail)""",
                    new MapSqlParameterSource()
                            .addValue("at", utc(Instant.now()))
                            .addValue("principal", fit(principal == null ? "anonymous" : principal, 255))
                            .addValue("action", action)
                            .addValue("type", resourceType)
                            .addValue("ids", fit(resourceIds, 4000))
                            .addValue("method", method)
                            .addValue("path", fit(path, 500))
                            .addValue("status", status)
                            .addValue("remote", fit(remoteAddress, 255))
                            .addValue("detail", fit(detail, 500))));
        } catch (RuntimeException e) {
            log.error("Access audit could not record {} by {} on {} {}: {}", action, principal, method, path,
                    e.getClass().getName());
        }
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
