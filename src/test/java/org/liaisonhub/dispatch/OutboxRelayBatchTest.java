package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.support.TestServices;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which requests a relay round takes from the outbox: a vendor's oldest due ones, one per work item, none another
 * round holds.
 */
class OutboxRelayBatchTest {

    private NamedParameterJdbcTemplate jdbc;
    private Outbox outbox;
    private TransactionTemplate transaction;

    @BeforeEach
    void migratedDatabase() {
        DataSource database = TestServices.migratedSchema();
        jdbc = new NamedParameterJdbcTemplate(database);
        outbox = new Outbox(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
    }

    @Test
    void aRoundTakesAVendorsOldestRequestsButOnlyTheFirstUnfinishedOneOfEachItem() {
        long first = request(item(1));
        long second = request(item(2));
        long firstAgain = request(1);
        long third = request(item(3));

        assertThat(ids(lock(2))).containsExactly(first, second);
        assertThat(ids(lock(10))).containsExactly(first, second, third);

        outbox.markRelayed(first, Instant.now());
        assertThat(ids(lock(10))).as("the item's next request waits while its first is on its way")
                .containsExactly(second, third);
        outbox.finish(first, OutboxEntry.Status.DELIVERED, 1, 201, null, Instant.now());
        assertThat(ids(lock(10))).as("and goes once the first has ended").containsExactly(second, firstAgain, third);
    }

    @Test
    void aRequestWaitingForItsNextAttemptHoldsBackNothingButItsOwnItem() {
        Instant now = Instant.now();
        long waiting = request(item(1));
        long other = request(item(2));
        outbox.markRelayed(waiting, now);
        outbox.scheduleRetry(waiting, 1, 503, "HTTP 503", now.plusSeconds(3600));

        assertThat(ids(lock(10))).containsExactly(other);

        outbox.scheduleRetry(waiting, 1, 503, "HTTP 503", now.minusSeconds(1));
        assertThat(ids(lock(10))).as("due again").containsExactly(waiting, other);
    }

    @Test
    void aRequestWaitingForItsNextAttemptGoesAtOnceWhenALaterOneOfItsItemSupersedesIt() {
        Instant now = Instant.now();
        long waiting = request(item(1));
        outbox.markRelayed(waiting, now);
        outbox.scheduleRetry(waiting, 1, 503, "HTTP 503", now.plusSeconds(3600));
        long update = request(1);

        assertThat(ids(lock(10))).as("sent now to be skipped, so the update need not wait an hour")
                .containsExactly(waiting);
        assertThat(update).isGreaterThan(waiting);
    }

    @Test
    void aProbeIsARequestNeverTriedWhenThereIsOne() {
        Instant now = Instant.now();
        long refusedBefore = request(item(1));
        outbox.markRelayed(refusedBefore, now);
        outbox.scheduleRetry(refusedBefore, 3, 503, "HTTP 503", now.minusSeconds(1));
        long fresh = request(item(2));

        assertThat(ids(transaction.execute(tx -> outbox.lockProbe("interpreter", now)))).containsExactly(fresh);
        assertThat(ids(lock(10))).as("otherwise oldest first").containsExactly(refusedBefore, fresh);
    }

    @Test
    void eachVendorIsReadApartAndRequestsOfVendorsNoLongerConfiguredAreFound() {
        long interpreter = request(item(1));
        long transport = outbox.add(item(2), "transport", Action.REQUEST, null, null, "{}", Instant.now());

        assertThat(ids(transaction.execute(tx -> outbox.lockRelayable("transport", 10, Instant.now()))))
                .containsExactly(transport);
        assertThat(ids(transaction.execute(tx -> outbox.lockOrphaned(List.of("transport", "insurance"), 10))))
                .containsExactly(interpreter);
    }

    @Test
    void aRoundSkipsWhatAnotherRoundHoldsAndTakesTheRest() {
        long first = request(item(1));
        long second = request(item(2));
        long third = request(item(3));

        transaction.executeWithoutResult(holding -> {
            assertThat(ids(outbox.lockRelayable("interpreter", 1, Instant.now()))).containsExactly(first);
            assertThat(ids(inAnotherTransaction(() -> outbox.lockRelayable("interpreter", 10, Instant.now()))))
                    .containsExactly(second, third);
        });
    }

    private List<OutboxEntry> inAnotherTransaction(Supplier<List<OutboxEntry>> work) {
        TransactionTemplate separate = new TransactionTemplate(transaction.getTransactionManager());
        separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return separate.execute(status -> work.get());
    }

    private List<OutboxEntry> lock(int limit) {
        return transaction.execute(status -> outbox.lockRelayable("interpreter", limit, Instant.now()));
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
