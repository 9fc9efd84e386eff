package org.liaisonhub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file bounded. Every commit is written to the file before it returns (with the commits
 * around it, {@link DurableCommitTransactionManager}): the file gets many small chunks, more than H2's background
 * writer, which rewrites the live pages of sparse chunks so the rest can be freed, keeps up with. With one chunk per
 * commit (WRITE_DELAY=0) and no housekeeping the file grew by 35-90 KB a message for as long as the hub ran. Freed
 * chunks are reused after H2's retention time (45 s), so the file levels off at roughly two retention times of
 * writes. On any other database this does nothing.
 */
@Component
class EmbeddedH2Housekeeping {

    /** Chunks with fewer live bytes than this percentage are rewritten. */
    private static final int TARGET_FILL_RATE = 80;
    private static final int BYTES_PER_STEP = 16 * 1024 * 1024;
    /** A step holds H2's store lock, which delays commits: a round is bounded. */
    private static final long ROUND_NANOS = 200_000_000L;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2Housekeeping.class);

    private final DataSource dataSource;
    /** Set at the first round that finds another database: nothing to do, and no connection to borrow, ever. */
    private volatile boolean notEmbeddedH2;

    EmbeddedH2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void compact() {
        if (notEmbeddedH2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = EmbeddedH2.fileStoreOf(connection);
            notEmbeddedH2 = store == null;
            long deadline = System.nanoTime() + ROUND_NANOS;
            while (store != null && !store.isClosed() && System.nanoTime() < deadline
                    && store.compact(TARGET_FILL_RATE, BYTES_PER_STEP)) {
                log.trace("Rewrote sparse H2 chunks");
            }
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; meanwhile the file only grows
            log.warn("Embedded H2 housekeeping failed: {}", e.getClass().getName());
            log.debug("Embedded H2 housekeeping failure", e);
        }
    }
}
