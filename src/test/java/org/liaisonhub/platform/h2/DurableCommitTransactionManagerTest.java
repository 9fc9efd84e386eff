package org.liaisonhub.platform.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On embedded H2 a transaction committed through the hub's transaction manager is in the file when the commit
 * returns, for every one of many concurrent committers, and they share the writes; also while H2's own writer
 * stores in the background. Elsewhere H2's writer is kept asleep (a long WRITE_DELAY). The crash is
 * {@code SHUTDOWN IMMEDIATELY}: the database closes without writing anything.
 */
class DurableCommitTransactionManagerTest {

    @TempDir
    Path dir;

    private JdbcDataSource h2;
    /** Keeps the database open: H2 closing it with its last connection would write everything. */
    private Connection keeper;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void database() throws SQLException {
        reopen("db", 600_000);
    }

    /** A database of its own, whose H2 writer stores every {@code writeDelay} ms. */
    private void reopen(String name, int writeDelay) throws SQLException {
        close();
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=" + writeDelay);
        keeper = h2.getConnection();
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("create table message (id int primary key)");
        jdbc.execute("checkpoint");
        transaction = new TransactionTemplate(new DurableCommitTransactionManager(h2));
    }

    @AfterEach
    void close() throws SQLException {
        if (keeper != null) {
            keeper.close();
        }
    }

    @Test
    void aCommitThroughTheManagerSurvivesACrashAndAnAutoCommittedStatementAfterItDoesNot() throws SQLException {
        transaction.executeWithoutResult(status -> jdbc.update("insert into message values (1)"));
        jdbc.update("insert into message values (2)");

        crash();

        assertThat(committedIds()).as("the second insert shows the crash loses what was not written")
                .containsExactly(1);
    }

    @Test
    void concurrentCommitsAreAllInTheFileAndShareWrites() throws Exception {
        int threads = 8;
        int each = 50;
        long versionBefore = EmbeddedH2.fileStoreOf(keeper).getCurrentVersion();
        commitConcurrently(threads, each);
        long writes = EmbeddedH2.fileStoreOf(keeper).getCurrentVersion() - versionBefore;

        crash();

        assertThat(committedIds()).hasSize(threads * each);
        assertThat(writes).as("stores for %d commits", threads * each).isLessThan(threads * each);
    }

    @Test
    void commitsSurviveACrashWhileH2sOwnWriterStoresInTheBackground() throws Exception {
        reopen("db-busy", 1);

        commitConcurrently(4, 100);
        crash();

        assertThat(committedIds()).hasSize(400);
    }

    private void crash() throws SQLException {
        try (Statement statement = keeper.createStatement()) {
            statement.execute("shutdown immediately");
        }
        keeper = h2.getConnection();
    }

    private void commitConcurrently(int threads, int each) throws Exception {
        ExecutorService committers = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            done.add(committers.submit(() -> {
                for (int id = first; id < first + each; id++) {
                    int row = id;
                    transaction.executeWithoutResult(status -> jdbc.update("insert into message values (?)", row));
                }
            }));
        }
        for (Future<?> committer : done) {
            committer.get(60, TimeUnit.SECONDS);
        }
        committers.shutdown();
    }

    private List<Integer> committedIds() {
        return jdbc.queryForList("select id from message order by id", Integer.class);
    }
}
