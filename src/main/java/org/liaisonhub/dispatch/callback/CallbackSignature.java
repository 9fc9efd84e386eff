package org.liaisonhub.dispatch.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a vendor callback: {@code X-Liaison-Timestamp: <Unix seconds>} and
 * {@code X-Liaison-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">}, keyed with the vendor's shared
 * secret. The timestamp is signed with the body so that a captured callback cannot be sent again later with a fresh
 * one; a callback older (or further ahead) than the accepted age is stale. Compared in constant time.
 */
public final class CallbackSignature {

    public static final String HEADER = "X-Liaison-Signature";
    public static final String TIMESTAMP = "X-Liaison-Timestamp";
    private static final String PREFIX = "sha256=";

    /** What a callback's signature headers come to. */
    enum Verdict { VALID, UNSIGNED, WRONG, STALE }

    private CallbackSignature() {
    }

    /** The signature header's value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The hex digest of a valid signature header, as the hub records it to know the signature again. */
    static String hex(String header) {
        return header.trim().toLowerCase(Locale.ROOT).substring(PREFIX.length());
    }

    static Verdict check(String secret, String timestamp, byte[] body, String signature, Instant now,
            Duration maxAge) {
        if (secret == null || secret.isBlank() || signature == null || timestamp == null) {
            return Verdict.UNSIGNED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notSeconds) {
            return Verdict.WRONG;
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.WRONG;
        }
        long age = now.getEpochSecond() - seconds;
        return Math.abs(age) > maxAge.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }
}
