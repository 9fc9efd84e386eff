package org.liaisonhub.workitem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The identity of a piece of work: (type, MRN, visit, key), hashed to a fixed-width column value. */
final class NaturalKey {

    private NaturalKey() {
    }

    static String of(String type, String mrn, String visitNumber, String key) {
        String joined = String.join("\u0000", type, mrn, visitNumber == null ? "" : visitNumber, key);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
