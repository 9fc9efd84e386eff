package org.liaisonhub.platform.audit;

import java.nio.charset.StandardCharsets;
import org.liaisonhub.platform.Sha256;

/**
 * How an audit row is chained to the one before it: the SHA-256 of the previous row's hash and of every field of
 * the row, each written with its length so that no two rows read alike. Whoever changes, removes or reorders a
 * row must recompute every hash after it; exporting the last hash now and then ({@code GET /api/audit/verify})
 * to a place the database's owner cannot write makes even that visible.
 */
final class AuditChain {

    /** The link before the first row. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, AuditEvent row) {
        StringBuilder content = new StringBuilder();
        for (Object field : new Object[] {previousHash, row.at(), row.principal(), row.action(), row.resourceType(),
            row.resourceIds(), row.method(), row.path(), row.status(), row.remoteAddress(), row.detail()}) {
            String text = field == null ? null : field.toString();
            content.append(text == null ? -1 : text.length()).append(':').append(text == null ? "" : text).append('|');
        }
        return Sha256.hex(content.toString().getBytes(StandardCharsets.UTF_8));
    }
}
