package org.liaisonhub.platform.h2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Whether embedded H2 brings every transaction back whole after its JVM is killed (SIGKILL) under the hub's own
 * writes: writers commit one row into each of eight tables per transaction and have it written with the hub's
 * {@link H2GroupFlush} (what the hub's transaction manager does before each ACK), while H2's background writer runs
 * and the hub's {@link EmbeddedH2Housekeeping} compacts and syncs, with H2 reusing freed space after the hub's
 * retention time. A restart is torn when a transaction has rows in some tables and not in the others; a commit
 * written before the kill must always be whole. The HL7 journal of the eighth benchmark round
 * (docs/benchmark-history.md) relied on no restart being torn (docs/operations.md). With {@code unwritten} the
 * writers leave their commits to H2's background writer and housekeeping, as that journal did. Not a test: a torn
 * restart is rare by nature.
 * Run: {@code mvn -B -Pbench verify -Dbench.main=org.liaisonhub.platform.h2.H2CrashProbe -Dbench.args="30 [unwritten]"}.
 */
public final class H2CrashProbe {

    private static final int WRITERS = 4;
    private static final int TABLES = 8;
    private static final long WRITER_IDS = 1_000_000_000L;

    private H2CrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("write")) {
            write(Path.of(args[1]), Boolean.parseBoolean(args[2]));
            return;
        }
        int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        boolean hubWrites = args.length < 2 || !args[1].equals("unwritten");
        int torn = 0;
        int writtenButIncomplete = 0;
        for (int i = 1; i <= restarts; i++) {
            Path dir = Files.createTempDirectory("h2-crash-probe");
            // longer than the retention time, so that the kill can catch H2 reusing freed space
            long[] written = killedWriter(dir, 16 + i % 3, hubWrites);
            Recovered recovered = recover(dir, written);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            torn += recovered.tornTransactions() > 0 ? 1 : 0;
            writtenButIncomplete += recovered.writtenButIncomplete();
            System.out.printf("restart %d: %d transactions, %d torn, %d written before the kill but incomplete%n",
                    i, recovered.transactions(), recovered.tornTransactions(), recovered.writtenButIncomplete());
        }
        System.out.printf("%d restarts: %d with a torn transaction, %d written commits incomplete%n",
                restarts, torn, writtenButIncomplete);
    }

    /** Runs the writer in a JVM of its own for a few seconds, kills it; returns each writer's last written commit. */
    private static long[] killedWriter(Path dir, int seconds, boolean hubWrites)
            throws IOException, InterruptedException {
        Path out = dir.resolve("writer.out");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2CrashProbe.class.getName(), "write", dir.toString(),
                String.valueOf(hubWrites))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        TimeUnit.SECONDS.sleep(seconds);
        writer.destroyForcibly().waitFor();
        List<String> lines = Files.readAllLines(out);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] counts = lines.get(i).replaceFirst("^written ", "").split(",");
            // the last line may have been cut by the kill: a count cut short only claims fewer commits written
            if (lines.get(i).startsWith("written ") && counts.length == WRITERS) {
                return Arrays.stream(counts).mapToLong(Long::parseLong).toArray();
            }
        }
        throw new IllegalStateException("The writer wrote nothing: " + String.join("\n", lines));
    }

    /** The JVM that is killed: every millisecond it prints each writer's last commit the hub had H2 write. */
    private static void write(Path dir, boolean hubWrites) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        // freed space reused after 15 s, as on the hub (application.yml)
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";RETENTION_TIME=15000");
        h2.setUser("sa");
        try (Connection c = h2.getConnection()) {
            for (int t = 0; t < TABLES; t++) {
                c.createStatement().execute("create table t" + t + " (id bigint primary key, pad varchar(2000))");
            }
        }
        H2GroupFlush flush = new H2GroupFlush();
        AtomicLongArray written = new AtomicLongArray(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            new Thread(() -> commitForever(h2, hubWrites ? flush : null, writer, written)).start();
        }
        EmbeddedH2Housekeeping housekeeping = new EmbeddedH2Housekeeping(h2);
        // as often as the hub's @Scheduled housekeeping runs
        Executors.newSingleThreadScheduledExecutor().scheduleWithFixedDelay(housekeeping::round, 100, 100,
                TimeUnit.MILLISECONDS);
        while (true) {
            StringBuilder line = new StringBuilder("written ");
            for (int w = 0; w < WRITERS; w++) {
                line.append(w == 0 ? "" : ",").append(written.get(w));
            }
            System.out.println(line);
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    /**
     * Writer {@code w} commits ids {@code w * WRITER_IDS + k}, k = 1, 2, ..., has each commit written as the hub does
     * and then publishes k; without {@code flush}, it leaves its commits to H2 and publishes nothing.
     */
    private static void commitForever(JdbcDataSource h2, H2GroupFlush flush, int writer, AtomicLongArray written) {
        String pad = "x".repeat(1500);
        try (Connection c = h2.getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement[] inserts = new PreparedStatement[TABLES];
            for (int t = 0; t < TABLES; t++) {
                inserts[t] = c.prepareStatement("insert into t" + t + " values (?, ?)");
            }
            for (long k = 1; ; k++) {
                for (PreparedStatement insert : inserts) {
                    insert.setLong(1, writer * WRITER_IDS + k);
                    insert.setString(2, pad);
                    insert.executeUpdate();
                }
                c.commit();
                if (flush != null) {
                    flush.committed(EmbeddedH2.fileStoreOf(c));
                    written.set(writer, k);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Recovered(int transactions, int tornTransactions, int writtenButIncomplete) {
    }

    private static Recovered recover(Path dir, long[] written) throws SQLException {
        List<Set<Long>> tables = new ArrayList<>();
        Set<Long> all = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "")) {
            for (int t = 0; t < TABLES; t++) {
                Set<Long> ids = new HashSet<>();
                try (ResultSet rows = c.createStatement().executeQuery("select id from t" + t)) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                tables.add(ids);
                all.addAll(ids);
            }
        }
        int torn = (int) all.stream().filter(id -> tables.stream().anyMatch(ids -> !ids.contains(id))).count();
        int incomplete = 0;
        for (int w = 0; w < WRITERS; w++) {
            for (long k = 1; k <= written[w]; k++) {
                long id = w * WRITER_IDS + k;
                if (tables.stream().anyMatch(ids -> !ids.contains(id))) {
                    incomplete++;
                }
            }
        }
        return new Recovered(all.size(), torn, incomplete);
    }
}
