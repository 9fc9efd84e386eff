package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.OutboxEntry.Action;
import org.liaisonhub.dispatch.OutboxEntry.Status;
import org.liaisonhub.support.TestServices;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Whether a request taken from its queue still goes out, decided from the outbox and its item as they stand now. */
class OutboxSkipReasonTest {

    private static final long ITEM = 7;

    private NamedParameterJdbcTemplate jdbc;
    private Outbox outbox;

    @BeforeEach
    void migratedDatabase() {
        jdbc = new NamedParameterJdbcTemplate(TestServices.migratedSchema());
        outbox = new Outbox(jdbc);
        item("QUEUED");
    }

    @Test
    void theOnlyRequestOfAnOpenItemGoesOut() {
        assertThat(outbox.reasonToSkip(add(Action.REQUEST))).isNull();
    }

    @Test
    void aRequestOfAClosedItemIsSkipped() {
        OutboxEntry request = add(Action.REQUEST);
        status("CANCELLED");

        assertThat(outbox.reasonToSkip(request)).isEqualTo("the work item was CANCELLED before it was sent");
    }

    @Test
    void aRequestOfARemovedItemIsSkipped() {
        OutboxEntry request = add(Action.REQUEST);
        jdbc.getJdbcTemplate().update("delete from outbox");
        jdbc.getJdbcTemplate().update("delete from work_item");

        assertThat(outbox.reasonToSkip(request)).isEqualTo("the work item was removed before it was sent");
    }

    @Test
    void aNewerRequestSupersedesAnOlderOneUnlessItWasItselfSkipped() {
        OutboxEntry older = add(Action.REQUEST);
        OutboxEntry newer = add(Action.REQUEST);

        assertThat(outbox.reasonToSkip(older)).isEqualTo("a newer request supersedes it");
        assertThat(outbox.reasonToSkip(newer)).isNull();

        outbox.finish(newer.id(), Status.SKIPPED, 0, null, "test", Instant.now());
        assertThat(outbox.reasonToSkip(older)).isNull();
    }

    @Test
    void aCancellationGoesOutOnlyWhenARequestOfItsItemReachedTheVendor() {
        OutboxEntry request = add(Action.REQUEST);
        OutboxEntry cancel = add(Action.CANCEL);
        status("CANCELLED");

        assertThat(outbox.reasonToSkip(cancel)).isEqualTo("nothing was sent to cancel");

        outbox.finish(request.id(), Status.DELIVERED, 1, 201, null, Instant.now());
        assertThat(outbox.reasonToSkip(cancel)).isNull();
    }

    private OutboxEntry add(Action action) {
        long id = outbox.add(ITEM, "interpreter", action, null, null, "{}", Instant.now());
        return outbox.find(id).orElseThrow();
    }

    private void item(String status) {
        jdbc.getJdbcTemplate().update("""
                insert into work_item (id, type, status, mrn, item_key, natural_key, is_open, details, created_at,
                    updated_at) values (?, 'INTERPRETER', ?, 'MRN', 'spa', 'key', true, '{}', now(), now())""",
                ITEM, status);
    }

    private void status(String status) {
        jdbc.getJdbcTemplate().update("update work_item set status = ?, is_open = null where id = ?", status, ITEM);
    }
}
