package org.liaisonhub.ingest.mllp;

/**
 * One message as the MLLP listener received it.
 *
 * @param bytes  the message, or only its first segment when it is larger than {@code hub.mllp.max-message-size}
 *               (the rest was skipped, never buffered)
 * @param size   the message's size in bytes as sent
 * @param sender the sending system the connection's client certificate proved; null when no senders are configured
 * @param sentFrom the sender's address as a trusted load balancer named it (PROXY protocol); null without one
 */
public record MllpFrame(byte[] bytes, int size, MllpSender sender, String sentFrom) {

    /** Whether only the head of the message was kept. */
    public boolean truncated() {
        return size > bytes.length;
    }
}
