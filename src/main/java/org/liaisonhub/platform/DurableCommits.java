package org.liaisonhub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Makes what the hub committed survive a crash of the hub. PostgreSQL does that at every commit (its WAL). On
 * embedded H2 the hub's transaction manager writes each commit to the file before it returns, shared with the
 * commits around it ({@link H2GroupFlush}), except for a transaction named {@link #JOURNALED}: its caller keeps
 * what it committed in a journal of its own until {@link #flushCommitted()} has returned.
 */
@Component
public class DurableCommits {

    /**
     * The name of a transaction whose commit may stay in H2's memory for now, because its caller has recorded what
     * it committed elsewhere (the HL7 journal) and replays it after a crash.
     */
    public static final String JOURNALED = "journaled";

    private final H2GroupFlush h2 = new H2GroupFlush();
    private final DataSource dataSource;

    DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the database is an embedded H2 file, the one database whose commits the hub makes durable. */
    public boolean embeddedH2() {
        return withStore(store -> { });
    }

    /**
     * Returns once everything committed so far, by any transaction, is in the database's file. Inside a transaction
     * it looks the store up on that transaction's connection, else on one borrowed for the moment.
     */
    public void flushCommitted() {
        withStore(h2::committed);
    }

    private boolean withStore(Consumer<MVStore> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            MVStore store = EmbeddedH2.fileStoreOf(connection);
            if (store == null) {
                return false;
            }
            work.accept(store);
            return true;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Finding the embedded H2 store", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
