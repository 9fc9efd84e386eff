package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two messages that need the same work at the same moment make one work item, never two and never a failure: the
 * second waits for the first's uncommitted item and, once it is committed, updates it.
 */
class SameWorkAtOnceTest extends HubIntegrationTest {

    private static final long FIRST_MESSAGE = 9_000_001L;
    private static final long SECOND_MESSAGE = 9_000_002L;

    @Autowired
    WorkItemLedger ledger;

    @Autowired
    WorkItemRepository items;

    @Autowired
    WorkItemHistory history;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMessageNeedingWorkAnotherIsStillCommittingUpdatesThatItemOnceItIsCommitted() throws Exception {
        String mrn = TestIds.mrn();
        String visit = TestIds.visit();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            ledger.apply(List.of(interpreter(mrn, visit, "spa")), FIRST_MESSAGE);
            firstApplied.countDown();
            awaitQuietly(commitFirst);
        }));
        assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx ->
                ledger.apply(List.of(interpreter(mrn, visit, "por")), SECOND_MESSAGE)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());

        commitFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        List<WorkItem> open = items.search(new WorkItemSearch("INTERPRETER", null, mrn, null), FacilityScope.ALL, 0,
                10).items();
        assertThat(open).singleElement().satisfies(item -> assertThat(item.details()).containsEntry("language", "por"));
        assertThat(history.of(open.get(0).id())).extracting(HistoryEntry::action, HistoryEntry::messageId)
                .containsExactly(tuple(HistoryEntry.CREATED, FIRST_MESSAGE),
                        tuple(HistoryEntry.UPDATED, SECOND_MESSAGE));
    }

    private static WorkNeeded interpreter(String mrn, String visit, String language) {
        return new WorkNeeded("INTERPRETER", mrn, visit, "", Map.of("language", language), Map.of(),
                PatientLocation.UNKNOWN, null, Priority.ROUTINE, "interpreter-needed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
