package org.liaisonhub.ingest.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MLLP listener ({@code hub.mllp.*}). The route in routes/ reads host and port; {@code worker-threads} sizes
 * Camel's Netty executor (how many messages are processed at once, each connection in order).
 *
 * @param maxMessageSize bytes; a larger message is answered AR and stored
 * @param maxFrameSize   bytes the listener buffers for one frame before it resets the connection (memory guard)
 * @param defaultCharset used when MSH-18 is empty or unknown
 */
@ConfigurationProperties("hub.mllp")
public record MllpProperties(String host, int port, int workerThreads, int maxMessageSize, int maxFrameSize,
        Charset defaultCharset) {

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
    }
}
