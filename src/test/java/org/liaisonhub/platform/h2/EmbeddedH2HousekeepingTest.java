package org.liaisonhub.platform.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The housekeeping that H2's background writer would do, on an H2 file written commit by commit. */
class EmbeddedH2HousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenCommitByCommitStopsGrowingWhenItsSparseChunksAreRewritten() throws SQLException {
        long left = fileAfterSteadyWrites("left-alone", false);
        long housekept = fileAfterSteadyWrites("housekept", true);

        assertThat(housekept).isLessThan(left / 2);
    }

    /**
     * 5,000 commits with a housekeeping round after every 100 or not (the hub's rounds come ten times a second, so
     * that is 1,000 commits a second, more than the hub makes); the file's size at the end.
     */
    private long fileAfterSteadyWrites(String name, boolean housekeeping) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        // as the hub's default, except that freed chunks may be reused at once instead of after 15 s
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        EmbeddedH2Housekeeping rounds = new EmbeddedH2Housekeeping(h2);
        try (Connection connection = h2.getConnection()) {
            createTable(connection);
            for (int round = 0; round < 50; round++) {
                writeCommitByCommit(connection, round * 100, 100);
                if (housekeeping) {
                    rounds.round();
                }
            }
        }
        return dir.resolve(name + ".mv.db").toFile().length();
    }

    /**
     * H2 overwrites freed space once it is older than the retention time (15 s on the hub), assuming the disk has it
     * by then: the rounds sync the file once a second, not at every round (ten a second).
     */
    @Test
    void theRoundsSyncTheFileToDiskOnceASecond() {
        List<Long> syncs = new CopyOnWriteArrayList<>();
        SingleFileStore file = new SingleFileStore(Map.of()) {
            @Override
            public void sync() {
                syncs.add(System.nanoTime());
                super.sync();
            }
        };
        file.open(dir.resolve("synced.mv.db").toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(file).open();
        try {
            EmbeddedH2Housekeeping rounds = new EmbeddedH2Housekeeping(new JdbcDataSource());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
                rounds.round(store);
                return syncs.size() >= 3;
            });
        } finally {
            store.close();
        }

        assertThat(syncs.get(1) - syncs.get(0)).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(syncs.get(2) - syncs.get(1)).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void aDatabaseThatIsNotAnEmbeddedH2FileIsLeftAlone() throws SQLException {
        JdbcDataSource inMemory = new JdbcDataSource();
        inMemory.setURL("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        try (Connection connection = inMemory.getConnection()) {
            createTable(connection);
            writeCommitByCommit(connection, 0, 10);

            new EmbeddedH2Housekeeping(inMemory).round();

            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table message (id bigint primary key, raw varchar(10000), status varchar(20))");
        }
    }

    private static void writeCommitByCommit(Connection connection, int first, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into message values (?, ?, 'NEW')");
                PreparedStatement update = connection.prepareStatement(
                        "update message set status = 'PROCESSED' where id = ?")) {
            for (int i = first; i < first + rows; i++) {
                insert.setLong(1, i);
                insert.setString(2, "MSH|^~\\&|" + "X".repeat(3_000) + i);
                insert.executeUpdate();
                update.setLong(1, i / 2);
                update.executeUpdate();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
    }
}
