package org.liaisonhub.platform.h2;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The hub's transaction manager on embedded H2: a commit returns only once it is durable, which is what lets the
 * hub acknowledge after commit (PostgreSQL makes a commit durable itself, and keeps Spring Boot's plain manager).
 * The commit is written to the file before it returns, shared with the commits around it
 * ({@link H2GroupFlush}), so H2 can keep its background writer (the default {@code WRITE_DELAY}) for the rest.
 * A statement run outside any transaction is left to that writer (within WRITE_DELAY): a write that must survive
 * a crash of the hub runs in a transaction, as the outbox's and the audit trail's own writes do.
 */
class DurableCommitTransactionManager extends JdbcTransactionManager {

    private final transient H2GroupFlush h2 = new H2GroupFlush();

    DurableCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        JdbcTransactionObjectSupport transaction = (JdbcTransactionObjectSupport) status.getTransaction();
        MVStore store;
        try {
            store = EmbeddedH2.fileStoreOf(transaction.getConnectionHolder().getConnection());
        } catch (SQLException e) {
            throw translateException("Finding the embedded H2 store", e);
        }
        if (store != null) {
            h2.committed(store);
        }
    }
}
