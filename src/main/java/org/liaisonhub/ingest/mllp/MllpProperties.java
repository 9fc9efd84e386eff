package org.liaisonhub.ingest.mllp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.liaisonhub.platform.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MLLP listener ({@code hub.mllp.*}). The route in routes/ reads host and port; {@code worker-threads} sizes
 * Camel's Netty executor (how many messages are processed at once, each connection in order).
 *
 * @param maxMessageSize  bytes; a larger message is answered AR and stored
 * @param maxFrameSize    bytes the listener buffers for one frame before it resets the connection (memory guard)
 * @param defaultCharset  used when MSH-18 is empty or unknown
 * @param allowedSenders  CIDR ranges senders may connect from; empty allows every address
 * @param tls             MLLP over TLS; off by default (plain MLLP for loopback demos)
 */
@ConfigurationProperties("hub.mllp")
public record MllpProperties(String host, int port, int workerThreads, int maxMessageSize, int maxFrameSize,
        Charset defaultCharset, List<String> allowedSenders, Tls tls) {

    public MllpProperties {
        if (host == null) {
            host = "0.0.0.0";
        }
        if (defaultCharset == null) {
            defaultCharset = StandardCharsets.UTF_8;
        }
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("hub.mllp.max-message-size must be positive");
        }
        if (maxFrameSize < maxMessageSize) {
            throw new IllegalArgumentException("hub.mllp.max-frame-size must be at least hub.mllp.max-message-size");
        }
        allowedSenders = allowedSenders == null ? List.of()
                : allowedSenders.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        tls = tls == null ? new Tls(false, null, null, null, null, null, null, null, null) : tls;
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
}
