package org.liaisonhub.ingest.mllp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liaisonhub.platform.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MLLP listener ({@code hub.mllp.*}). The route in routes/ reads host, port and {@code worker-threads}, the
 * number of Netty I/O threads, each processing its connections' messages in order (how many are processed at once).
 * Only loopback is served in plain text; {@link MllpExposure} says what another address needs.
 *
 * @param maxMessageSize   bytes; a larger message is answered AR and only its header and size are stored, the rest
 *                         is never buffered
 * @param defaultCharset   used when MSH-18 is empty or unknown
 * @param allowedSenders   CIDR ranges senders may connect from; empty allows every address
 * @param trustedProxies   CIDR ranges of TCP load balancers that name the sender by the PROXY protocol
 * @param insecureNetwork  serve a non-loopback address without TLS client certificates (refused unless set)
 * @param senders          by name: the client certificate a sending system presents and the facilities it may send for
 * @param connections      how many connections, for how long idle, how fast
 * @param tls              MLLP over TLS; off by default (plain MLLP on loopback)
 * @param acknowledge      when a message is acknowledged: after its work items are committed with it, or on receipt
 * @param receiptBacklog   with {@code on-receipt}: messages acknowledged whose work items are not written yet, at
 *                         most; when full, the next acknowledgement waits for room
 * @param receiptRetryAfter with {@code on-receipt}: a message still waiting for its work items this long after it
 *                         came (their writing failed and so did recording it, or the instance that took it stopped)
 *                         is processed again by an instance whose writer is idle
 */
@ConfigurationProperties("hub.mllp")
public record MllpProperties(String host, int port, int workerThreads, int maxMessageSize, Charset defaultCharset,
        List<String> allowedSenders, List<String> trustedProxies, boolean insecureNetwork, Map<String, Sender> senders,
        Connections connections, Tls tls, Acknowledge acknowledge, int receiptBacklog,
        Duration receiptRetryAfter) {

    public MllpProperties {
        if (defaultCharset == null) {
            defaultCharset = StandardCharsets.UTF_8;
        }
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("hub.mllp.max-message-size must be positive");
        }
        allowedSenders = ranges(allowedSenders);
        trustedProxies = ranges(trustedProxies);
        senders = senders == null ? Map.of() : new TreeMap<>(senders);
        if (connections == null) {
            throw new IllegalArgumentException("hub.mllp.connections.* must be set");
        }
        tls = tls == null ? new Tls(false, null, null, null, null, null, null, null, null) : tls;
        acknowledge = acknowledge == null ? Acknowledge.AFTER_PROCESSING : acknowledge;
        if (receiptBacklog <= 0) {
            throw new IllegalArgumentException("hub.mllp.receipt-backlog must be positive");
        }
        receiptRetryAfter = receiptRetryAfter == null ? Duration.ofMinutes(2) : receiptRetryAfter;
        if (receiptRetryAfter.isNegative() || receiptRetryAfter.isZero()) {
            throw new IllegalArgumentException("hub.mllp.receipt-retry-after must be a positive duration");
        }
    }

    private static List<String> ranges(List<String> cidrs) {
        return cidrs == null ? List.of() : cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A sending system known by its client certificate.
     *
     * @param certificate  the certificate's subject ({@code CN=EPIC-PROD,O=General Hospital}) or its SHA-256
     *                     fingerprint in hex
     * @param facilities   the MSH-4 values it may send for (the whole field or its first component)
     * @param applications the MSH-3 values it may send as, in the same way; empty for any
     */
    public record Sender(String certificate, List<String> facilities, List<String> applications) {

        public Sender {
            facilities = facilities == null ? List.of() : List.copyOf(facilities);
            applications = applications == null ? List.of() : List.copyOf(applications);
        }
    }

    /**
     * @param max                  connections open at once on this instance; more are closed at once
     * @param maxPerAddress        of those, from one address
     * @param idleTimeout          a connection with nothing read or written for this long is closed (senders
     *                             reconnect with their next message)
     * @param maxMessagesPerSecond per connection; 0 for no limit. Faster senders are read more slowly, not refused
     */
    public record Connections(int max, int maxPerAddress, Duration idleTimeout, int maxMessagesPerSecond) {

        public Connections {
            if (max <= 0 || maxPerAddress <= 0 || idleTimeout == null || idleTimeout.isNegative()
                    || idleTimeout.isZero() || maxMessagesPerSecond < 0) {
                throw new IllegalArgumentException("hub.mllp.connections.max, .max-per-address and .idle-timeout must"
                        + " be positive, .max-messages-per-second 0 (no limit) or more");
            }
        }
    }

    /**
     * @param keystore   the hub's certificate and key (PKCS12 by default)
     * @param truststore the CAs whose client certificates are trusted (needed for client-auth want/need)
     * @param clientAuth none, want (ask for a certificate) or need (refuse a sender without a trusted one)
     * @param protocols  the TLS versions offered
     */
    public record Tls(boolean enabled, Path keystore, String keystorePassword, String keystoreType, Path truststore,
            String truststorePassword, String truststoreType, ClientAuth clientAuth, List<String> protocols) {

        public Tls {
            keystoreType = keystoreType == null || keystoreType.isBlank() ? "PKCS12" : keystoreType;
            truststoreType = truststoreType == null || truststoreType.isBlank() ? "PKCS12" : truststoreType;
            clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
            protocols = protocols == null || protocols.isEmpty() ? List.of("TLSv1.3", "TLSv1.2") : protocols;
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "keystorePassword", "truststorePassword");
        }
    }

    public enum ClientAuth { NONE, WANT, NEED }

    /**
     * When the sender gets its ACK. {@code AFTER_PROCESSING}: once the message, its outcome and its work items are
     * committed together (an ACK says the work exists). {@code ON_RECEIPT}: once the message and its acknowledgement
     * are committed and synced, with its rules already evaluated (a message they cannot use is still answered AE);
     * its work items are written right after, in order, several messages per transaction (docs/operations.md).
     */
    public enum Acknowledge { AFTER_PROCESSING, ON_RECEIPT }
}
