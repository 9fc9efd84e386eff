package org.liaisonhub.platform.h2;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * Writes what embedded H2 has committed to its file, once for every transaction that committed meanwhile. A
 * committer takes a ticket after its commit; the one holding the flush lock stores everything committed up to the
 * newest ticket, and those waiting behind it whose tickets that covered return without writing. The write is H2's
 * own store, the one {@code WRITE_DELAY=0} makes at every commit: in the file, which survives the hub's crash (not
 * fsynced, so not a power failure). With one write per commit, commits queued on H2's store lock and each rewrote
 * every page it had touched.
 */
final class H2GroupFlush {

    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    /** The newest ticket whose commit is known to be in the file; guarded by {@link #flushing}. */
    private long flushed;

    /** Call after a commit on {@code store} has returned: returns once that commit is in the file. */
    void committed(MVStore store) {
        long ticket = tickets.incrementAndGet();
        flushing.lock();
        try {
            if (flushed >= ticket) {
                return;
            }
            // every ticket up to here was taken after its commit: this store holds them all
            long covered = tickets.get();
            store.commit();
            // when H2's background writer has already taken the changes, commit() finds nothing to store while
            // that write may still be queued on H2's serialisation thread: wait until H2's write queues are empty
            store.getFileStore().executeFileStoreOperation(() -> { });
            flushed = covered;
        } finally {
            flushing.unlock();
        }
    }
}
