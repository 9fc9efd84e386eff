package org.liaisonhub.dispatch;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.liaisonhub.platform.Text;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every attempt to deliver a vendor request and what the vendor answered: why a dead letter died, attempt by
 * attempt. Written with the attempt's outcome (an attempt a crash cut off has none and is not kept). Purged with
 * its request.
 */
@Repository
public class DeliveryAttempts {

    /**
     * One attempt.
     *
     * @param httpStatus the vendor's status, null when no answer came (network error, timeout)
     * @param outcome    {@code DELIVERED}, {@code FAILED} (worth another attempt) or {@code REJECTED}
     * @param response   the problem as the vendor stated it, or the reference it gave
     */
    public record Attempt(int attempt, Instant at, Duration took, Integer httpStatus, String outcome,
            String response) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    DeliveryAttempts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long outboxId, String vendor, int attempt, Instant at, VendorResponse response) {
        String outcome = response.delivered() ? "DELIVERED" : response.retryable() ? "FAILED" : "REJECTED";
        String answer = !response.delivered() ? response.problem()
                : response.reference() == null ? null : "vendor reference " + response.reference();
        jdbc.update("""
                insert into delivery_attempt (outbox_id, vendor, attempt, attempted_at, duration_ms, http_status,
                    outcome, response)
                values (:outbox, :vendor, :attempt, :at, :duration, :status, :outcome, :response)""",
                new MapSqlParameterSource("outbox", outboxId)
                        .addValue("vendor", vendor)
                        .addValue("attempt", attempt)
                        .addValue("at", utc(at))
                        .addValue("duration", response.elapsed() == null ? 0 : response.elapsed().toMillis())
                        .addValue("status", response.status() == 0 ? null : response.status())
                        .addValue("outcome", outcome)
                        .addValue("response", Text.fit(answer, 2000)));
    }

    /** The attempts at one request, first first. */
    public List<Attempt> of(long outboxId) {
        return jdbc.query("""
                select attempt, attempted_at, duration_ms, http_status, outcome, response from delivery_attempt
                where outbox_id = :outbox order by attempt, id""", new MapSqlParameterSource("outbox", outboxId),
                (rs, n) -> new Attempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                        Duration.ofMillis(rs.getLong("duration_ms")), rs.getObject("http_status", Integer.class),
                        rs.getString("outcome"), rs.getString("response")));
    }
}
