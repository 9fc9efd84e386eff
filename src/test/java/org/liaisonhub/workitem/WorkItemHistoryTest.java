package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History entries are written with the transaction that added them, in one batch before it commits: they are there
 * once it committed, gone with it when it rolls back, and a transaction suspended for another keeps its own.
 */
class WorkItemHistoryTest extends HubIntegrationTest {

    private static final long MESSAGE = 9_000_101L;

    @Autowired
    WorkItemLedger ledger;

    @Autowired
    WorkItemRepository items;

    @Autowired
    WorkItemHistory history;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void entriesAreReadableInTheirTransactionAndGoneWhenItRollsBack() {
        long item = anItem();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(tx -> {
            note(item, "rolled-back");
            assertThat(actors(item)).contains("rolled-back");
            tx.setRollbackOnly();
        });

        assertThat(actors(item)).doesNotContain("rolled-back");
    }

    @Test
    void aTransactionSuspendedForAnotherKeepsItsEntriesApart() {
        long item = anItem();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(tx -> {
            note(item, "outer");
            inner.executeWithoutResult(innerTx -> note(item, "inner"));
            tx.setRollbackOnly();
        });

        assertThat(actors(item)).contains("inner").doesNotContain("outer");
    }

    private long anItem() {
        String mrn = TestIds.mrn();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> ledger.apply(List.of(new WorkNeeded(
                "INTERPRETER", mrn, TestIds.visit(), "", Map.of("language", "spa"), Map.of(), PatientLocation.UNKNOWN,
                null, Priority.ROUTINE, "interpreter-needed")), MESSAGE));
        return items.search(new WorkItemSearch("INTERPRETER", null, mrn, null), FacilityScope.ALL, 0, 10).items()
                .get(0).id();
    }

    private void note(long item, String actor) {
        history.add(item, HistoryEntry.UPDATED, WorkItemStatus.NEW, WorkItemStatus.NEW, actor, null, Map.of(),
                Instant.now());
    }

    private List<String> actors(long item) {
        return history.of(item).stream().map(HistoryEntry::actor).toList();
    }
}
