package org.liaisonhub.dispatch.callback;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import java.util.List;
import org.liaisonhub.dispatch.DispatchProperties;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The callback signatures already taken, shared by every hub instance through the database: a signed callback is
 * applied once, and the same signature again is a replay. A signature is kept for twice the accepted callback age
 * (an older one is refused as stale anyway), then purged on the hub's retention schedule.
 */
@Component
@Order(500)
class CallbackReplays implements RetainedData {

    private final NamedParameterJdbcTemplate jdbc;
    private final DispatchProperties properties;

    CallbackReplays(NamedParameterJdbcTemplate jdbc, DispatchProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Records the signature in the caller's transaction; false when it was taken before (a replay). */
    boolean firstTime(String signature, String vendor, Instant now) {
        try {
            jdbc.update("insert into vendor_callback (signature, vendor, received_at) values (:sig, :vendor, :now)",
                    new MapSqlParameterSource("sig", CallbackSignature.hex(signature))
                            .addValue("vendor", vendor).addValue("now", utc(now)));
            return true;
        } catch (DuplicateKeyException replayed) {
            return false;
        }
    }

    @Override
    public String what() {
        return "callback signatures";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        List<String> due = jdbc.queryForList("""
                select signature from vendor_callback where received_at < :cutoff
                order by received_at limit :batch for update skip locked""",
                new MapSqlParameterSource("cutoff", utc(now.minus(properties.callbackMaxAge().multipliedBy(2))))
                        .addValue("batch", batch), String.class);
        return due.isEmpty() ? 0
                : jdbc.update("delete from vendor_callback where signature in (:due)",
                        new MapSqlParameterSource("due", due));
    }
}
