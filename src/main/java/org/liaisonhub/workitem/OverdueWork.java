package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks open items that have passed their due time as overdue, once each: the mark, an {@code OVERDUE} history
 * entry and the counter {@code liaison.work-items.overdue} (by type) are written together; the gauge
 * {@code liaison.work-items.overdue.open} says how many open items are overdue now. Instances sharing a database mark
 * side by side: each skips the rows another holds. A new due time clears the mark (WorkItemRepository).
 */
@Component
public class OverdueWork implements SchedulingConfigurer {

    static final String ACTOR = "hub/overdue-check";
    private static final Logger log = LoggerFactory.getLogger(OverdueWork.class);
    private static final int BATCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkItemHistory history;
    private final TransactionTemplate transaction;
    private final WorkItemProperties properties;
    private final MeterRegistry registry;

    OverdueWork(NamedParameterJdbcTemplate jdbc, WorkItemHistory history, PlatformTransactionManager transactions,
            WorkItemProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.registry = registry;
        Gauge.builder("liaison.work-items.overdue.open", this, OverdueWork::openOverdue)
                .description("Open work items past their due time").register(registry);
    }

    private record Marked(long id, String type, WorkItemStatus status, Instant due) {
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::checkNow, properties.overdueCheck(),
                properties.overdueCheck()));
    }

    private void checkNow() {
        try {
            mark(Instant.now());
        } catch (RuntimeException e) {
            log.error("Overdue check failed: {}", e.getClass().getName());
            log.debug("Overdue check failure", e);
        }
    }

    /** Marks every open item due before {@code now} that is not marked yet; returns how many it marked. */
    public int mark(Instant now) {
        int total = 0;
        int marked;
        do {
            marked = transaction.execute(tx -> markBatch(now));
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    private int markBatch(Instant now) {
        List<Marked> marked = jdbc.query("""
                update work_item set overdue_at = :now where id in (
                    select id from work_item where is_open and overdue_at is null and due_at < :now
                    order by due_at limit :batch for update skip locked)
                returning id, type, status, due_at""",
                new MapSqlParameterSource("now", utc(now)).addValue("batch", BATCH),
                (rs, n) -> new Marked(rs.getLong("id"), rs.getString("type"),
                        WorkItemStatus.valueOf(rs.getString("status")), instant(rs, "due_at")));
        for (Marked item : marked) {
            history.add(item.id(), HistoryEntry.OVERDUE, item.status(), item.status(), ACTOR, null,
                    Map.of("due", item.due().toString()), now);
            Counter.builder("liaison.work-items.overdue").description("Work items that passed their due time open")
                    .tag("type", item.type()).register(registry).increment();
        }
        return marked.size();
    }

    private double openOverdue() {
        Long count = jdbc.queryForObject("select count(*) from work_item where is_open and overdue_at is not null",
                Map.of(), Long.class);
        return count == null ? 0 : count;
    }
}
