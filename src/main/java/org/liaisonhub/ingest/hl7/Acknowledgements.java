package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.DeepCopy;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Builds the HL7 acknowledgement for a message with HAPI, so MSA and ERR follow the message's version: ERR-1 up to
 * v2.4, ERR-2 location / ERR-3 code (table 0357) / ERR-4 severity from v2.5. Sender and receiver are swapped whole
 * (all HD components) and MSH-18 is echoed, since the ACK is encoded in the message's character set.
 */
@Component
class Acknowledgements {

    private final PipeParser parser;

    Acknowledgements(HapiContext hapi) {
        this.parser = hapi.getPipeParser();
    }

    /**
     * @param parsed the parsed message, or null when it could not be parsed (the header then addresses the ACK)
     * @param header the leniently read MSH, or null when there was none
     * @param error  the error to report in ERR, or null
     */
    String build(Message parsed, MshHeader header, AcknowledgmentCode code, HL7Exception error) {
        try {
            Message inbound = parsed != null ? parsed : stubFor(header);
            Message ack = inbound.generateACK(code, error);
            if (header != null) {
                copyAddresses(header, ack);
            }
            return parser.encode(ack);
        } catch (HL7Exception | IOException | RuntimeException unencodable) {
            // a header too broken to echo: answer with standard delimiters and only the control id
            return bareAcknowledgement(header, code, error);
        }
    }

    private String bareAcknowledgement(MshHeader header, AcknowledgmentCode code, HL7Exception error) {
        try {
            MshHeader minimal = new MshHeader("|", "^~\\&", "", "", "", "", "", "",
                    header == null ? "" : header.controlId(), "P", "2.5.1", "", "", "");
            return parser.encode(stubFor(minimal).generateACK(code, error));
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("HAPI cannot build even a minimal acknowledgement", e);
        }
    }

    /** A message with only an MSH, as HAPI needs one to generate an ACK for a message it could not parse. */
    private Message stubFor(MshHeader header) throws HL7Exception {
        MshHeader known = header != null ? header : MshHeader.NONE;
        String version = known.version().isEmpty() ? Hl7Versions.structureFor("") : known.version();
        Segment msh = Parser.makeControlMSH(Hl7Versions.structureFor(version), parser.getFactory());
        Message stub = msh.getMessage();
        stub.setParser(parser);
        Terser.set(msh, 1, 0, 1, 1, known.fieldSeparator());
        Terser.set(msh, 2, 0, 1, 1, encodingOf(known));
        Terser.set(msh, 9, 0, 2, 1, known.triggerEvent());
        Terser.set(msh, 10, 0, 1, 1, known.controlId());
        Terser.set(msh, 11, 0, 1, 1, known.processingId().isEmpty() ? "P" : known.processingId());
        Terser.set(msh, 12, 0, 1, 1, version);
        DeepCopy.copy(msh, (Segment) stub.get("MSH"));
        return stub;
    }

    private static String encodingOf(MshHeader header) {
        return header.encodingCharacters().length() >= 4 ? header.encodingCharacters() : "^~\\&";
    }

    private void copyAddresses(MshHeader inbound, Message ack) throws HL7Exception {
        Segment msh = (Segment) ack.get("MSH");
        EncodingCharacters encoding = EncodingCharacters.getInstance(ack);
        setWhole(msh, 3, inbound.receivingApplication(), encoding);
        setWhole(msh, 4, inbound.receivingFacility(), encoding);
        setWhole(msh, 5, inbound.sendingApplication(), encoding);
        setWhole(msh, 6, inbound.sendingFacility(), encoding);
        if (!inbound.characterSet().isEmpty() && msh.numFields() >= 18) {
            Terser.set(msh, 18, 0, 1, 1, inbound.characterSet());
        }
    }

    private void setWhole(Segment msh, int field, String value, EncodingCharacters encoding)
            throws HL7Exception {
        parser.parse(msh.getField(field, 0), value, encoding);
    }
}
