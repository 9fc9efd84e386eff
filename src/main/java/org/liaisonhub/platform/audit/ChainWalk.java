package org.liaisonhub.platform.audit;

/** Follows the chain row by row, in id order, and stops looking at the first row that does not match. */
final class ChainWalk {

    private String expectedPrevious = AuditChain.GENESIS;
    private long checked;
    private Long lastId;
    private Long brokenAt;
    private String problem;

    void next(AuditEvent row, String previousHash, String rowHash) {
        if (brokenAt != null) {
            return;
        }
        checked++;
        if (!expectedPrevious.equals(previousHash)) {
            broken(row.id(), "row " + row.id() + " does not follow the row before it (a row was removed or"
                    + " inserted)");
        } else if (!AuditChain.hash(previousHash, row).equals(rowHash)) {
            broken(row.id(), "row " + row.id() + " was changed after it was recorded");
        }
        expectedPrevious = rowHash;
        lastId = row.id();
    }

    AuditVerdict verdict(long unchained, String headHash) {
        if (brokenAt == null && !expectedPrevious.equals(headHash)) {
            problem = "the chain ends before its head: rows after " + (lastId == null ? "the start" : "row " + lastId)
                    + " were removed";
        }
        return new AuditVerdict(problem == null, checked, unchained, lastId, expectedPrevious, brokenAt, problem);
    }

    private void broken(long id, String what) {
        brokenAt = id;
        problem = what;
    }
}
