package org.liaisonhub.workitem;

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
 * Work items closed (completed or cancelled) {@code hub.retention.work-items} ago go with their history. An item a
 * vendor request or dead letter still refers to waits for it: vendor dispatch purges those first.
 */
@Component
@Order(300)
class WorkItemRetention implements RetainedData {

    private final NamedParameterJdbcTemplate jdbc;

    WorkItemRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "work items";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        List<Long> items = jdbc.queryForList("""
                select w.id from work_item w
                where w.status in ('COMPLETED', 'CANCELLED') and w.updated_at < :cutoff
                and not exists (select 1 from outbox o where o.work_item_id = w.id)
                and not exists (select 1 from dead_letter d where d.work_item_id = w.id)
                order by w.id limit :batch for update skip locked""",
                new MapSqlParameterSource("cutoff", utc(now.minus(retention.workItems()))).addValue("batch", batch),
                Long.class);
        if (items.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource purged = new MapSqlParameterSource("items", items);
        jdbc.update("delete from work_item_history where work_item_id in (:items)", purged);
        return jdbc.update("delete from work_item where id in (:items)", purged);
    }
}
