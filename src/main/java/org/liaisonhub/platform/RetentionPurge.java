package org.liaisonhub.platform;

import java.time.Instant;
import java.util.function.IntSupplier;
import org.liaisonhub.dispatch.Outbox;
import org.liaisonhub.store.MessageStore;
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
 * Purges, every {@code hub.retention.interval}, raw messages processed more than {@code hub.retention.messages} ago
 * and the vendor requests of items closed as long ago (both hold patient data), batch by batch, each batch in a
 * short transaction of its own. Instances sharing a database purge side by side: each skips the rows another holds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final MessageStore messages;
    private final Outbox outbox;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    public RetentionPurge(MessageStore messages, Outbox outbox, RetentionProperties properties,
            PlatformTransactionManager transactions) {
        this.messages = messages;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one purge deleted. */
    public record Purged(int messages, int vendorRequests) {
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
        Instant cutoff = now.minus(properties.messages());
        Purged purged = new Purged(inBatches(() -> messages.purgeFinishedBefore(cutoff, properties.batchSize())),
                inBatches(() -> outbox.purgeClosedBefore(cutoff, properties.batchSize())));
        if (purged.messages() > 0 || purged.vendorRequests() > 0) {
            log.info("Retention purge: {} messages and {} vendor requests older than {}", purged.messages(),
                    purged.vendorRequests(), cutoff);
        }
        return purged;
    }

    private int inBatches(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            Integer done = transaction.execute(status -> batch.getAsInt());
            deleted = done == null ? 0 : done;
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
