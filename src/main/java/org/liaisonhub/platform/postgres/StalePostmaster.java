package org.liaisonhub.platform.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server left running on the hub's cluster by a hub that was killed (kill -9, a crash of the JVM): PostgreSQL runs
 * in a process of its own and outlives the hub that started it. It still holds the cluster, so the next start would
 * fail. It is asked to shut down (SIGTERM, PostgreSQL's smart shutdown: its clients died with the hub) and waited
 * for; only if it does not go is it killed, after which PostgreSQL recovers the cluster from its write-ahead log as
 * after a power loss. Only a process that is a postgres server on this very cluster is touched, and only when no
 * running hub holds the cluster: a second hub started on the data directory of a running one is refused instead.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    /** The file zonky's {@code EmbeddedPostgres} locks in the cluster while its server runs. */
    private static final String LOCK_FILE = "epg-lock";

    private StalePostmaster() {
    }

    /**
     * Stops the server that {@code cluster/postmaster.pid} names, if it is still running on that cluster and the hub
     * that started it is gone; refuses when that hub is still running.
     */
    static void stopIfRunning(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (heldByARunningHub(cluster)) {
            throw new IllegalStateException("Another hub is running on this data directory (its database " + cluster
                    + " is in use): stop it, or give this hub a data directory of its own (hub.data-dir)");
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(process -> servesCluster(process, cluster));
        if (server.isEmpty()) {
            // PostgreSQL removes a lock file whose process is gone by itself
            return;
        }
        log.warn("A PostgreSQL server (pid {}) is still running on {} from a hub that did not stop: stopping it",
                server.get().pid(), cluster);
        stop(server.get());
    }

    /** The hub running a cluster's server holds a lock on {@code epg-lock} in it; the lock dies with its process. */
    private static boolean heldByARunningHub(Path cluster) throws IOException {
        Path lockFile = cluster.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    private static boolean servesCluster(ProcessHandle process, Path cluster) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> command.endsWith("/postgres")).orElse(false);
        String clusterPath = cluster.toAbsolutePath().normalize().toString();
        return postgres && info.arguments().map(Arrays::asList).map(args -> args.contains(clusterPath)).orElse(false);
    }

    private static void stop(ProcessHandle server) throws IOException {
        server.destroy();
        if (!exited(server, SHUTDOWN)) {
            log.warn("The PostgreSQL server (pid {}) did not shut down within {} s: killing it", server.pid(),
                    SHUTDOWN.toSeconds());
            server.destroyForcibly();
            if (!exited(server, SHUTDOWN)) {
                throw new IOException("The PostgreSQL server (pid " + server.pid() + ") left running on the hub's"
                        + " database does not stop; stop it before starting the hub");
            }
        }
    }

    private static boolean exited(ProcessHandle server, Duration within) throws IOException {
        try {
            server.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException("Waiting for the PostgreSQL server to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the PostgreSQL server to stop", e);
        }
    }
}
