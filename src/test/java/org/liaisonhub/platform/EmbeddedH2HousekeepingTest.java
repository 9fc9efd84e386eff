package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
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
        // as the hub's default, except that freed chunks may be reused at once instead of after 45 s
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        EmbeddedH2Housekeeping rounds = new EmbeddedH2Housekeeping(h2);
        try (Connection connection = h2.getConnection()) {
            createTable(connection);
            for (int round = 0; round < 50; round++) {
                writeCommitByCommit(connection, round * 100, 100);
                if (housekeeping) {
                    rounds.compact();
                }
            }
        }
        return dir.resolve(name + ".mv.db").toFile().length();
    }

    @Test
    void aDatabaseThatIsNotAnEmbeddedH2FileIsLeftAlone() throws SQLException {
        JdbcDataSource inMemory = new JdbcDataSource();
        inMemory.setURL("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        try (Connection connection = inMemory.getConnection()) {
            createTable(connection);
            writeCommitByCommit(connection, 0, 10);

            new EmbeddedH2Housekeeping(inMemory).compact();

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
