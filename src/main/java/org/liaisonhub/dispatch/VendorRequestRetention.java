package org.liaisonhub.dispatch;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import java.util.List;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The vendor requests (they hold the patient's snapshot) and dead letters of work items closed
 * {@code hub.retention.messages} ago. They refer to their work items, so they go before those.
 */
@Component
@Order(200)
class VendorRequestRetention implements RetainedData {

    private final NamedParameterJdbcTemplate jdbc;

    VendorRequestRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "vendor requests";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        return purgeClosedBefore(now.minus(retention.messages()), now.minus(retention.workItems()), batch);
    }

    /**
     * Deletes, in the caller's transaction, the vendor requests and replayed dead letters of up to {@code batch} work
     * items closed (completed or cancelled) before {@code closedBefore} whose requests have all ended. An item with a
     * dead letter not yet replayed keeps everything until it has been closed since before {@code abandonedBefore}
     * (then the item itself is due to go). Open items keep their requests: what was delivered decides what a later
     * change sends.
     *
     * @return how many requests were deleted
     */
    private int purgeClosedBefore(Instant closedBefore, Instant abandonedBefore, int batch) {
        List<Long> items = jdbc.queryForList("""
                select w.id from work_item w
                where w.status in ('COMPLETED', 'CANCELLED') and w.updated_at < :cutoff
                and exists (select 1 from outbox o where o.work_item_id = w.id)
                and not exists (select 1 from outbox o where o.work_item_id = w.id
                    and o.status in ('PENDING', 'RELAYED'))
                and (w.updated_at < :abandoned or not exists (select 1 from dead_letter d
                    where d.work_item_id = w.id and d.replayed_at is null))
                order by w.id limit :batch for update skip locked""",
                new MapSqlParameterSource("cutoff", utc(closedBefore)).addValue("abandoned", utc(abandonedBefore))
                        .addValue("batch", batch), Long.class);
        if (items.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource purged = new MapSqlParameterSource("items", items);
        jdbc.update("delete from dead_letter where work_item_id in (:items)", purged);
        jdbc.update("""
                delete from delivery_attempt
                where outbox_id in (select id from outbox where work_item_id in (:items))""", purged);
        return jdbc.update("delete from outbox where work_item_id in (:items)", purged);
    }
}
