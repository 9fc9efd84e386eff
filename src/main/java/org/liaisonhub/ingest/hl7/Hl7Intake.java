package org.liaisonhub.ingest.hl7;

import org.liaisonhub.ingest.mllp.MllpProperties;
import org.springframework.stereotype.Component;

/**
 * The verb the MLLP route calls for every frame: process the message, then return the acknowledgement to write
 * back. The acknowledgement exists only once the message and its work items are committed.
 */
@Component("hl7Intake")
public class Hl7Intake {

    private final Hl7IngestService ingest;
    private final Acknowledgements acknowledgements;
    private final MllpProperties properties;

    Hl7Intake(Hl7IngestService ingest, Acknowledgements acknowledgements, MllpProperties properties) {
        this.ingest = ingest;
        this.acknowledgements = acknowledgements;
        this.properties = properties;
    }

    /**
     * @param frame         the MLLP payload as received
     * @param remoteAddress the peer, as camel-mllp reports it ({@code /10.0.0.5:41234})
     * @return the acknowledgement bytes, in the message's character set; null when the sender asked for none
     */
    public byte[] receive(byte[] frame, String remoteAddress) {
        InboundFrame inbound = InboundFrame.decode(frame, properties.defaultCharset());
        Hl7Outcome outcome = ingest.ingest(inbound, peer(remoteAddress));
        return outcome.answer()
                .map(code -> acknowledgements.build(outcome.parsed(), outcome.header(), code, outcome.error()))
                .map(ack -> ack.getBytes(inbound.charset()))
                .orElse(null);
    }

    private static String peer(String remoteAddress) {
        if (remoteAddress == null) {
            return null;
        }
        return remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
    }
}
