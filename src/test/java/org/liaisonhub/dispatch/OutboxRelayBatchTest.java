package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which requests a relay round takes from the outbox: the oldest, one per work item, none another round holds. */
class OutboxRelayBatchTest {

    private NamedParameterJdbcTemplate jdbc;
    private Outbox outbox;
    private TransactionTemplate transaction;

    @BeforeEach
    void migratedDatabase() {
        DataSource h2 = MigratedH2.create();
        jdbc = new NamedParameterJdbcTemplate(h2);
        outbox = new Outbox(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
    }

    @Test
    void aRoundTakesTheOldestRequestsButOnlyTheFirstPendingOneOfEachItem() {
        long first = request(item(1));
        long second = request(item(2));
        long firstAgain = request(1);
        long third = request(item(3));

        assertThat(ids(lock(2))).containsExactly(first, second);
        assertThat(ids(lock(10))).containsExactly(first, second, third);

        outbox.markRelayed(first, Instant.now());
        assertThat(ids(lock(10))).as("the item's next request once its first is on the queue")
                .containsExactly(second, firstAgain, third);
    }

    @Test
    void aRoundSkipsWhatAnotherRoundHoldsAndTakesTheRest() {
        long first = request(item(1));
        long second = request(item(2));
        long third = request(item(3));

        transaction.executeWithoutResult(holding -> {
            assertThat(ids(outbox.lockRelayable(1))).containsExactly(first);
            assertThat(ids(inAnotherTransaction(() -> outbox.lockRelayable(10)))).containsExactly(second, third);
        });
    }

    private List<OutboxEntry> inAnotherTransaction(Supplier<List<OutboxEntry>> work) {
        TransactionTemplate separate = new TransactionTemplate(transaction.getTransactionManager());
        separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return separate.execute(status -> work.get());
    }

    private List<OutboxEntry> lock(int limit) {
        return transaction.execute(status -> outbox.lockRelayable(limit));
    }

    private long item(long id) {
        jdbc.getJdbcTemplate().update("""
                insert into work_item (id, type, status, mrn, item_key, natural_key, is_open, details, created_at,
                    updated_at) values (?, 'INTERPRETER', 'QUEUED', 'MRN', 'spa', ?, true, '{}', now(), now())""",
                id, "key-" + id);
        return id;
    }

    private long request(long itemId) {
        return outbox.add(itemId, "interpreter", Action.REQUEST, null, null, "{}", Instant.now());
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
