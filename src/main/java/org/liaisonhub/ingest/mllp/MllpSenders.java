package org.liaisonhub.ingest.mllp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.liaisonhub.ingest.mllp.MllpProperties.Sender;

/**
 * The sending systems of {@code hub.mllp.senders}, found by the client certificate a connection presented: by its
 * SHA-256 fingerprint, or by its subject (compared as distinguished names, so spacing and case do not matter).
 */
final class MllpSenders {

    private static final Pattern FINGERPRINT = Pattern.compile("(?i)[0-9a-f]{64}");

    private final List<Known> known = new ArrayList<>();

    MllpSenders(Map<String, Sender> senders) {
        senders.forEach((name, sender) -> {
            if (sender.certificate() == null || sender.certificate().isBlank() || sender.facilities().isEmpty()) {
                throw new IllegalStateException("hub.mllp.senders." + name + " needs a certificate (subject or SHA-256"
                        + " fingerprint) and the facilities (MSH-4) it may send for");
            }
            known.add(known(new MllpSender(name, sender.facilities(), sender.applications()),
                    sender.certificate()));
        });
    }

    boolean isEmpty() {
        return known.isEmpty();
    }

    Optional<MllpSender> find(X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        return known.stream()
                .filter(k -> k.subject() != null ? k.subject().equals(certificate.getSubjectX500Principal())
                        : k.fingerprint().equals(fingerprint))
                .map(Known::sender)
                .findFirst();
    }

    private static Known known(MllpSender sender, String certificate) {
        String hex = certificate.replace(":", "").trim();
        if (FINGERPRINT.matcher(hex).matches()) {
            return new Known(sender, null, hex.toLowerCase());
        }
        try {
            return new Known(sender, new X500Principal(certificate), null);
        } catch (IllegalArgumentException notADistinguishedName) {
            throw new IllegalStateException("hub.mllp.senders." + sender.name() + ".certificate is neither a SHA-256"
                    + " fingerprint nor a distinguished name: " + notADistinguishedName.getMessage());
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sender and the one way its certificate is known: subject, or else fingerprint. */
    private record Known(MllpSender sender, X500Principal subject, String fingerprint) {
    }
}
