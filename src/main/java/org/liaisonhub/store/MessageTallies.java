package org.liaisonhub.store;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.platform.RecentValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many messages each inbound channel took in the last hour and the last 24 hours, by outcome, and when it last
 * took one. One query over the last day's slice of the received-time index, answered from memory for 15 seconds,
 * however many dashboards ask: a busy hub is not made to count its whole store on every refresh.
 */
@Component
public class MessageTallies {

    /** The channels as people name them: the MLLP listener, the FHIR server, and subscription notifications. */
    public static final List<String> CHANNELS = List.of("MLLP listener", "FHIR endpoint", "FHIR notifications");
    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    /** One channel's counts; {@code lastReceived} null when it took nothing in the last 24 hours. */
    public record Tally(String channel, Map<MessageStatus, Long> lastHour, Map<MessageStatus, Long> lastDay,
            Instant lastReceived) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RecentValue<List<Tally>> recent = new RecentValue<>(FRESH_FOR, this::count);

    MessageTallies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tally> now() {
        return recent.get();
    }

    private List<Tally> count(Instant now) {
        Map<String, Tally> byChannel = new LinkedHashMap<>();
        for (String channel : CHANNELS) {
            byChannel.put(channel, new Tally(channel, new EnumMap<>(MessageStatus.class),
                    new EnumMap<>(MessageStatus.class), null));
        }
        jdbc.query("""
                select channel, case when trigger_event = 'notification' then 1 else 0 end as notification, status,
                    count(*) as in_day, sum(case when received_at >= :hourAgo then 1 else 0 end) as in_hour,
                    max(received_at) as latest
                from inbound_message where received_at >= :dayAgo
                group by channel, case when trigger_event = 'notification' then 1 else 0 end, status""",
                new MapSqlParameterSource("dayAgo", utc(now.minus(Duration.ofDays(1))))
                        .addValue("hourAgo", utc(now.minus(Duration.ofHours(1)))),
                rs -> {
                    String channel = "HL7V2".equals(rs.getString("channel")) ? CHANNELS.get(0)
                            : rs.getInt("notification") == 1 ? CHANNELS.get(2) : CHANNELS.get(1);
                    Tally tally = byChannel.get(channel);
                    MessageStatus status = MessageStatus.valueOf(rs.getString("status"));
                    tally.lastDay().merge(status, rs.getLong("in_day"), Long::sum);
                    tally.lastHour().merge(status, rs.getLong("in_hour"), Long::sum);
                    Instant latest = instant(rs, "latest");
                    if (tally.lastReceived() == null || latest.isAfter(tally.lastReceived())) {
                        byChannel.put(channel, new Tally(channel, tally.lastHour(), tally.lastDay(), latest));
                    }
                });
        return new ArrayList<>(byChannel.values());
    }
}
