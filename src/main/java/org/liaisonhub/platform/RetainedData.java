package org.liaisonhub.platform;

import java.time.Instant;

/**
 * Data a module keeps only for a while: each module purges what it owns, on the hub's one retention schedule
 * ({@link RetentionPurge}). Owners run in their {@code @Order}: what refers to other rows goes before them.
 */
public interface RetainedData {

    /** What is purged, as the log and {@link RetentionPurge.Purged} name it ("messages"). */
    String what();

    /**
     * Deletes, in the caller's transaction, up to {@code batch} rows that were due at {@code now} and that nothing
     * still needs. Rows another hub instance is purging are skipped, not waited for.
     *
     * @return how many were deleted; 0 when nothing more is due
     */
    int purgeBatch(Instant now, RetentionProperties retention, int batch);
}
