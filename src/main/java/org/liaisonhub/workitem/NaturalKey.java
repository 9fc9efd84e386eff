package org.liaisonhub.workitem;

import java.nio.charset.StandardCharsets;
import org.liaisonhub.platform.Sha256;

/** The identity of a piece of work: (type, MRN, visit, key), hashed to a fixed-width column value. */
final class NaturalKey {

    private NaturalKey() {
    }

    static String of(String type, String mrn, String visitNumber, String key) {
        String joined = String.join("\u0000", type, mrn, visitNumber == null ? "" : visitNumber, key);
        return Sha256.hex(joined.getBytes(StandardCharsets.UTF_8));
    }
}
