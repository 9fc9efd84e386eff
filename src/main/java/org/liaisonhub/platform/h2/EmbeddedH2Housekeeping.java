package org.liaisonhub.platform.h2;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the embedded H2 file bounded. Every commit is written to the file before it returns (with the commits
 * around it, {@link DurableCommitTransactionManager}): the file gets many small chunks, more than H2's background
 * writer, which rewrites the live pages of sparse chunks so the rest can be freed, keeps up with. With one chunk per
 * commit (WRITE_DELAY=0) and no housekeeping the file grew by 35-90 KB a message for as long as the hub ran. Freed
 * chunks are reused once older than H2's retention time, so the file levels off. It runs only on embedded H2
 * ({@link EmbeddedH2Configuration}), and does nothing on an H2 database that has no file.
 * <p>
 * H2 reuses a chunk's space once it is older than the retention time, assuming the disk has by then everything
 * written before it (H2's default, 45 s, counts on the operating system's writeback). A round syncs the file to
 * disk once a second, which makes that true for the hub's 15 s (application.yml): the file stays at about half
 * the size it reaches with 45 s, and a power failure loses at most the last second or so of acknowledged messages.
 * <p>
 * A step holds H2's store lock, which every commit needs to be written, so the commits (and the ACKs) arriving
 * meanwhile wait for it: the work is done in small steps ten times a second rather than in 16 MB steps once a
 * second, which held the hub's commits back by ~100 ms every second (the ACK p99 at a steady 500 msg/s).
 */
class EmbeddedH2Housekeeping {

    /** Chunks with fewer live bytes than this percentage are rewritten. */
    private static final int TARGET_FILL_RATE = 80;
    private static final int BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Steps follow each other for this long at most, so that a file that fell behind catches up. */
    private static final long ROUND_NANOS = 10_000_000L;
    /** Well under the retention time: a chunk old enough for H2 to overwrite was written before the last sync. */
    private static final long SYNC_NANOS = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2Housekeeping.class);

    private final DataSource dataSource;
    /** Set at the first round that finds another database: nothing to do, and no connection to borrow, ever. */
    private volatile boolean notEmbeddedH2;
    /** The store an earlier round found, kept while it is open: ten rounds a second borrow no pooled connection. */
    private volatile MVStore store;
    /** When a round last synced the file; rounds never overlap (fixed delay). */
    private long lastSync = System.nanoTime();

    EmbeddedH2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = 100, initialDelay = 1_000)
    void round() {
        if (notEmbeddedH2) {
            return;
        }
        try {
            MVStore fileStore = fileStore();
            if (fileStore != null) {
                round(fileStore);
            }
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; meanwhile the file only grows
            log.warn("Embedded H2 housekeeping failed: {}", e.getClass().getName());
            log.debug("Embedded H2 housekeeping failure", e);
        }
    }

    /** Rewrites sparse chunks for up to {@link #ROUND_NANOS}, then syncs the file if a second has passed. */
    void round(MVStore fileStore) {
        long deadline = System.nanoTime() + ROUND_NANOS;
        while (!fileStore.isClosed() && System.nanoTime() < deadline
                && fileStore.compact(TARGET_FILL_RATE, BYTES_PER_STEP)) {
            log.trace("Rewrote sparse H2 chunks");
        }
        long now = System.nanoTime();
        if (!fileStore.isClosed() && now - lastSync >= SYNC_NANOS) {
            lastSync = now;
            fileStore.sync();
        }
    }

    private MVStore fileStore() throws SQLException {
        MVStore known = store;
        if (known != null && !known.isClosed()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            known = EmbeddedH2.fileStoreOf(connection);
        }
        notEmbeddedH2 = known == null;
        store = known;
        return known;
    }
}
