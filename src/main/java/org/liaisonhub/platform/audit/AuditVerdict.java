package org.liaisonhub.platform.audit;

/**
 * What {@code GET /api/audit/verify} found.
 *
 * @param intact       whether every chained row and the chain's head agree
 * @param rowsChecked  chained rows whose hashes were recomputed
 * @param unchained    rows recorded before the chain was introduced (not verifiable)
 * @param lastId       the id of the last chained row
 * @param lastHash     the chain's last hash: keep it elsewhere to prove later that nothing before it changed
 * @param brokenAt     the first row whose hash or link does not match, when not intact (null when the head is)
 * @param problem      what does not match, when not intact
 */
public record AuditVerdict(boolean intact, long rowsChecked, long unchained, Long lastId, String lastHash,
        Long brokenAt, String problem) {
}
