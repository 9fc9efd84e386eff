package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkItemStatusTest {

    @Test
    void theHappyPathRunsFromNewToCompleted() {
        assertThat(WorkItemStatus.NEW.canMoveTo(WorkItemStatus.QUEUED)).isTrue();
        assertThat(WorkItemStatus.QUEUED.canMoveTo(WorkItemStatus.SENT)).isTrue();
        assertThat(WorkItemStatus.SENT.canMoveTo(WorkItemStatus.ACCEPTED)).isTrue();
        assertThat(WorkItemStatus.ACCEPTED.canMoveTo(WorkItemStatus.COMPLETED)).isTrue();
    }

    @Test
    void closedItemsGoNowhereAndFailedOnesCanBeRetried() {
        assertThat(WorkItemStatus.COMPLETED.next()).isEmpty();
        assertThat(WorkItemStatus.CANCELLED.next()).isEmpty();
        assertThat(WorkItemStatus.FAILED.isOpen()).isTrue();
        assertThat(WorkItemStatus.FAILED.canMoveTo(WorkItemStatus.QUEUED)).isTrue();
    }

    @Test
    void everyOpenStatusCanBeCancelled() {
        for (WorkItemStatus status : WorkItemStatus.values()) {
            assertThat(status.canMoveTo(WorkItemStatus.CANCELLED)).as(status.name()).isEqualTo(status.isOpen());
        }
    }

    @Test
    void nothingMovesBackToNew() {
        for (WorkItemStatus status : WorkItemStatus.values()) {
            assertThat(status.canMoveTo(WorkItemStatus.NEW)).as(status.name()).isFalse();
        }
    }
}
