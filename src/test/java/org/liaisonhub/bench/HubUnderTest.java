package org.liaisonhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A server under load in a JVM of its own: the hub (java -jar) or the HAPI baseline. */
final class HubUnderTest implements AutoCloseable {

    static final String KEY = "benchmark-admin-key-0123456789";
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern PERF_COUNTER =
            Pattern.compile("(?m)^(java\\.ci\\.totalTime|sun\\.os\\.hrt\\.frequency)=(\\d+)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Process process;
    private final int mllpPort;
    private final int httpPort;
    private final double startupSeconds;
    /** The hub's data directory; null for the baseline. */
    private final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HubUnderTest(Process process, Path dataDir, int mllpPort, int httpPort, double startupSeconds) {
        this.process = process;
        this.mllpPort = mllpPort;
        this.httpPort = httpPort;
        this.startupSeconds = startupSeconds;
        this.dataDir = dataDir;
    }

    /**
     * Starts {@code java -jar target/liaison-hub.jar} on a fresh data directory and waits until its health is UP.
     *
     * @param settings extra {@code --name=value} arguments (vendor URLs)
     */
    static HubUnderTest hub(Path dataDir, Path log, List<String> jvmOptions, List<String> settings) {
        int mllp = Ports.free();
        int httpPort = Ports.free();
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/liaison-hub.jar", "--hub.data-dir=" + dataDir,
                "--hub.mllp.host=127.0.0.1", "--hub.mllp.port=" + mllp, "--server.port=" + httpPort,
                "--hub.security.api-keys.bench.key=" + KEY, "--hub.security.api-keys.bench.roles=ADMIN"));
        command.addAll(settings);
        command.addAll(ownSchema(dataDir));
        long start = System.nanoTime();
        Process process = launch(command, log);
        HubUnderTest hub = new HubUnderTest(process, dataDir, mllp, httpPort, 0);
        hub.waitUntil(hub::healthy, log);
        return new HubUnderTest(process, dataDir, mllp, httpPort, (System.nanoTime() - start) / 1e9);
    }

    /**
     * On PostgreSQL ({@code HUB_DB_URL}, inherited by the hub), a schema of the hub's own, named after its data
     * directory: every hub of a run starts empty, as on its embedded database.
     */
    private static List<String> ownSchema(Path dataDir) {
        if (!onPostgres()) {
            return List.of();
        }
        String schema = schemaOf(dataDir);
        return List.of("--spring.datasource.hikari.schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema);
    }

    private static boolean onPostgres() {
        String database = System.getenv("HUB_DB_URL");
        return database != null && database.startsWith("jdbc:postgresql:");
    }

    private static String schemaOf(Path dataDir) {
        return dataDir.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Drops the schema {@link #ownSchema} gave a hub that has stopped. */
    private static void dropOwnSchema(Path dataDir) {
        if (dataDir == null || !onPostgres()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(System.getenv("HUB_DB_URL"),
                System.getenv("HUB_DB_USER"), System.getenv().getOrDefault("HUB_DB_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schemaOf(dataDir) + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark schema " + schemaOf(dataDir) + ": " + e.getMessage());
        }
    }

    /** Starts HAPI's MLLP server with an application that only parses and acknowledges. */
    static HubUnderTest baseline(Path log) {
        return server(HapiBaselineServer.class, log);
    }

    /** Starts the floor: HAPI's parse and ACK on plain sockets ({@link FloorServer}). */
    static HubUnderTest floor(Path log) {
        return server(FloorServer.class, log);
    }

    private static HubUnderTest server(Class<?> main, Path log) {
        int mllp = Ports.free();
        Process process = launch(List.of(JAVA.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                main.getName(), String.valueOf(mllp)), log);
        HubUnderTest baseline = new HubUnderTest(process, null, mllp, 0, 0);
        baseline.waitUntil(baseline::listening, log);
        return baseline;
    }

    private static Process launch(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int mllpPort() {
        return mllpPort;
    }

    /** A Liaison Hub, not one of the servers it is compared with. */
    boolean isHub() {
        return httpPort > 0;
    }

    int httpPort() {
        return httpPort;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use right after a full garbage collection, in bytes. */
    long heapAfterGc() {
        jcmd("GC.run");
        return (long) metric("jvm.memory.used?tag=area:heap");
    }

    /** The value of an actuator metric ({@code name} may carry {@code ?tag=...}). */
    double metric(String name) {
        try {
            return JSON.readTree(get("/actuator/metrics/" + name)).at("/measurements/0/value").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU seconds the process's JIT compilers have spent so far (HotSpot's {@code java.ci.totalTime} counter), or
     * NaN when jcmd does not report it.
     */
    double compilerSeconds() {
        Map<String, Long> counters = new HashMap<>();
        Matcher counter = PERF_COUNTER.matcher(jcmd("PerfCounter.print"));
        while (counter.find()) {
            counters.put(counter.group(1), Long.parseLong(counter.group(2)));
        }
        Long ticks = counters.get("java.ci.totalTime");
        Long frequency = counters.get("sun.os.hrt.frequency");
        return ticks == null || frequency == null || frequency == 0 ? Double.NaN : (double) ticks / frequency;
    }

    /** Resident set size of the process, in bytes. */
    long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Runs a jcmd diagnostic command against the hub; what it printed. */
    String jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), String.valueOf(pid())));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Live bytes per class after a full GC ({@code GC.class_histogram}). */
    Map<String, Long> heapHistogram() {
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(jcmd("GC.class_histogram"));
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return bytes;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).build());
    }

    String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", mllpPort)) {
            return socket.isConnected();
        } catch (ConnectException notYet) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void waitUntil(java.util.function.BooleanSupplier ready, Path log) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("Not ready; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropOwnSchema(dataDir);
        deleteDataDir();
    }

    /** The hub's temporary data directory can hold gigabytes after a run: it goes with the hub. */
    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dataDir + ": " + e.getMessage());
        }
    }
}
