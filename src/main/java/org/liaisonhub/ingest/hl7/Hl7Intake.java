package org.liaisonhub.ingest.hl7;

import org.liaisonhub.ingest.mllp.MllpFrame;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.springframework.stereotype.Component;

/**
 * The verb the MLLP route calls for every frame: process the message, then return the acknowledgement to write
 * back. The acknowledgement is returned only once the message, its work items and the acknowledgement itself (kept
 * with the message) are committed; with {@code hub.mllp.acknowledge=on-receipt}, once the message and its
 * acknowledgement are.
 */
@Component("hl7Intake")
public class Hl7Intake {

    private final Hl7IngestService ingest;
    private final MllpProperties properties;

    Hl7Intake(Hl7IngestService ingest, MllpProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    /**
     * @param frame         the MLLP payload as received, with the sender its connection proved
     * @param remoteAddress the peer, as camel-netty reports it ({@code /10.0.0.5:41234})
     * @return the acknowledgement bytes, in the message's character set; null when the sender asked for none
     */
    public byte[] receive(MllpFrame frame, String remoteAddress) {
        InboundFrame inbound = InboundFrame.decode(frame.bytes(), frame.size(), properties.defaultCharset());
        String from = frame.sentFrom() != null ? frame.sentFrom() : peer(remoteAddress);
        Hl7Outcome outcome = ingest.ingest(inbound, from, frame.sender());
        return outcome.acknowledgement() == null ? null : outcome.acknowledgement().getBytes(inbound.charset());
    }

    private static String peer(String remoteAddress) {
        if (remoteAddress == null) {
            return null;
        }
        return remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
    }
}
