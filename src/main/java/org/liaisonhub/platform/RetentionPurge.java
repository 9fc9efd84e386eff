package org.liaisonhub.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code hub.retention.interval}, has each module purge what it keeps only for a while ({@link RetainedData}),
 * batch by batch, each batch in a short transaction of its own, so that no purge holds a long transaction on a busy
 * database. Instances sharing a database purge side by side: each skips the rows another holds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final List<RetainedData> owners;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    public RetentionPurge(List<RetainedData> owners, RetentionProperties properties,
            PlatformTransactionManager transactions) {
        this.owners = List.copyOf(owners);
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one purge deleted, by what it was ({@link RetainedData#what()}), in the order the owners ran. */
    public record Purged(Map<String, Integer> deleted) {

        public int of(String what) {
            return deleted.getOrDefault(what, 0);
        }

        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::purgeNow, properties.interval(), properties.interval()));
    }

    private void purgeNow() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            // the next run tries again; what was purged so far stays purged
            log.error("Retention purge failed: {}", e.getClass().getName());
            log.debug("Retention purge failure", e);
        }
    }

    /** Purges everything that was due at {@code now}. */
    public Purged purge(Instant now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (RetainedData owner : owners) {
            deleted.put(owner.what(), inBatches(owner, now));
        }
        Purged purged = new Purged(deleted);
        if (purged.total() > 0) {
            log.info("Retention purge: {}", deleted);
        }
        return purged;
    }

    private int inBatches(RetainedData owner, Instant now) {
        int total = 0;
        int deleted;
        do {
            Integer done = transaction.execute(status -> owner.purgeBatch(now, properties, properties.batchSize()));
            deleted = done == null ? 0 : done;
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
