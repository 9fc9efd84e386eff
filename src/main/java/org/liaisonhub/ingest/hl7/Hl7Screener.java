package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.parser.PipeParser;
import java.util.Optional;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.ingest.mllp.MllpSender;
import org.liaisonhub.mapping.Hl7RuleEngine;
import org.springframework.stereotype.Component;

/**
 * Decides whether a message can be processed at all, and parses it. A message is rejected (AR) when it has no
 * MSH, comes from a facility its sender's certificate does not cover, is too large, lacks MSH-9/10/12, is of a type
 * no rule set maps, is of an unsupported version, or does not parse; every rejection carries its HL7 table 0357 error
 * code and location. Only the segments the rules of its type read are parsed ({@link SegmentsRead}); the rules and
 * the acknowledgement need nothing else.
 */
@Component
class Hl7Screener {

    private final PipeParser parser;
    private final MllpProperties limits;

    Hl7Screener(HapiContext hapi, MllpProperties limits) {
        this.parser = hapi.getPipeParser();
        this.limits = limits;
    }

    /**
     * @param sender the sending system the connection proved; null when there is none to hold the message to
     * @param rules  the rules the message is handled by: which types are accepted, which segments are parsed
     */
    Screening screen(InboundFrame frame, MllpSender sender, Hl7RuleEngine rules) {
        String text = frame.normalizedText();
        Optional<MshHeader> read = MshHeader.read(text);
        if (read.isEmpty()) {
            return reject(null, text.isBlank() ? "The message is empty" : "The message does not start with an MSH segment",
                    ErrorCode.SEGMENT_SEQUENCE_ERROR, new Location().withSegmentName("MSH").withSegmentRepetition(1));
        }
        MshHeader header = read.get();
        if (sender != null && !sender.maySendFor(header.sendingApplication(), header.sendingFacility(),
                header.encodingCharacters().isEmpty() ? '^' : header.encodingCharacters().charAt(0))) {
            return reject(header, "The sender's certificate (" + sender.name() + ") does not cover sending facility "
                    + header.sendingFacility() + " / application " + header.sendingApplication(),
                    ErrorCode.TABLE_VALUE_NOT_FOUND, msh(4, 1));
        }
        if (frame.size() > limits.maxMessageSize()) {
            return reject(header, "The message has " + frame.size() + " bytes; this interface accepts at most "
                    + limits.maxMessageSize(), ErrorCode.APPLICATION_INTERNAL_ERROR, null);
        }
        if (header.messageType().isEmpty()) {
            return reject(header, "MSH-9 message type is missing", ErrorCode.REQUIRED_FIELD_MISSING, msh(9, 1));
        }
        if (!rules.maps(header.messageType())) {
            return reject(header, "Message type " + header.messageType() + " is not accepted here (accepted: "
                    + String.join(", ", rules.messageTypes()) + ")", ErrorCode.UNSUPPORTED_MESSAGE_TYPE, msh(9, 1));
        }
        if (header.triggerEvent().isEmpty()) {
            return reject(header, "MSH-9 trigger event is missing", ErrorCode.REQUIRED_FIELD_MISSING, msh(9, 2));
        }
        if (header.controlId().isEmpty()) {
            return reject(header, "MSH-10 message control id is missing", ErrorCode.REQUIRED_FIELD_MISSING,
                    msh(10, 1));
        }
        if (header.version().isEmpty()) {
            return reject(header, "MSH-12 version id is missing", ErrorCode.REQUIRED_FIELD_MISSING, msh(12, 1));
        }
        if (!Hl7Versions.isSupported(header.version())) {
            return reject(header, "HL7 version " + header.version() + " is not supported (supported: "
                    + String.join(", ", Hl7Versions.SUPPORTED) + ")", ErrorCode.UNSUPPORTED_VERSION_ID, msh(12, 1));
        }
        try {
            return new Screening.Accepted(header, parser.parse(rules.segmentsRead(header.messageType())
                    .excerptOf(text, header.fieldSeparator().charAt(0))));
        } catch (HL7Exception unparseable) {
            return new Screening.Rejected(header, unparseable);
        } catch (RuntimeException parserFailure) {
            // HAPI gives up on some malformed input without an HL7Exception; it is still a message it cannot parse
            return reject(header, "The message cannot be parsed: " + parserFailure.getClass().getSimpleName(),
                    ErrorCode.APPLICATION_INTERNAL_ERROR, null);
        }
    }

    private static Screening reject(MshHeader header, String text, ErrorCode code, Location location) {
        HL7Exception error = new HL7Exception(text, code);
        if (location != null) {
            error.setLocation(location);
        }
        return new Screening.Rejected(header, error);
    }

    private static Location msh(int field, int component) {
        return new Location().withSegmentName("MSH").withSegmentRepetition(1).withField(field).withComponent(component);
    }
}
