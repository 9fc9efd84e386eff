package org.liaisonhub.dispatch;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.platform.RecentValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each vendor did with the hub's requests in the last hour and the last 24 hours: attempts delivered, failed
 * (retried) and refused, and requests dead-lettered. One query over the last day's slice of two time indexes,
 * answered from memory for 15 seconds however many dashboards ask.
 */
@Component
public class VendorTallies {

    /** The counts, in the order a person reads them. */
    public static final List<String> OUTCOMES = List.of("DELIVERED", "FAILED", "REJECTED", "DEAD_LETTERED");
    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    /** One vendor's counts by outcome; a vendor that did nothing in 24 hours has none. */
    public record Tally(Map<String, Long> lastHour, Map<String, Long> lastDay) {

        /** A vendor that did nothing in 24 hours. */
        public static final Tally NONE = new Tally(Map.of(), Map.of());
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RecentValue<Map<String, Tally>> recent = new RecentValue<>(FRESH_FOR, this::count);

    VendorTallies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By vendor name. */
    public Map<String, Tally> now() {
        return recent.get();
    }

    private Map<String, Tally> count(Instant now) {
        Map<String, Tally> byVendor = new LinkedHashMap<>();
        jdbc.query("""
                select vendor, outcome, count(*) as in_day,
                    sum(case when attempted_at >= :hourAgo then 1 else 0 end) as in_hour
                from delivery_attempt where attempted_at >= :dayAgo group by vendor, outcome
                union all
                select vendor, 'DEAD_LETTERED', count(*), sum(case when created_at >= :hourAgo then 1 else 0 end)
                from dead_letter where created_at >= :dayAgo group by vendor""",
                new MapSqlParameterSource("dayAgo", utc(now.minus(Duration.ofDays(1))))
                        .addValue("hourAgo", utc(now.minus(Duration.ofHours(1)))),
                rs -> {
                    Tally tally = byVendor.computeIfAbsent(rs.getString(1),
                            v -> new Tally(new LinkedHashMap<>(), new LinkedHashMap<>()));
                    tally.lastDay().put(rs.getString(2), rs.getLong(3));
                    tally.lastHour().put(rs.getString(2), rs.getLong(4));
                });
        return byVendor;
    }
}
