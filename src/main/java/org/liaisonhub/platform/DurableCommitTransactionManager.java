package org.liaisonhub.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hub's transaction manager: a commit returns only once it is durable, which is what lets the hub acknowledge
 * after commit. PostgreSQL makes a commit durable itself (its WAL, flushed for concurrent commits together). On
 * embedded H2 the commit is written to the file before it returns, shared with the commits around it
 * ({@link DurableCommits}), so H2 can keep its background writer (the default {@code WRITE_DELAY}) for the rest; a
 * transaction named {@link DurableCommits#JOURNALED} is left to that writer, its caller's journal covering it.
 * A statement run outside any transaction is left to that writer (within WRITE_DELAY): a write that must survive
 * a crash of the hub runs in a transaction, as the outbox's and the audit trail's own writes do.
 */
class DurableCommitTransactionManager extends JdbcTransactionManager {

    private final transient DurableCommits durable;

    DurableCommitTransactionManager(DataSource dataSource, DurableCommits durable) {
        super(dataSource);
        this.durable = durable;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (!DurableCommits.JOURNALED.equals(TransactionSynchronizationManager.getCurrentTransactionName())) {
            // the transaction's connection is still bound to this thread: the store found is the one committed to
            durable.flushCommitted();
        }
    }
}
