package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import java.util.Optional;

/**
 * Which acknowledgement answers a message, given the sender's MSH-15 (accept) and MSH-16 (application
 * acknowledgement type, HL7 table 0155: AL always, NE never, ER on error, SU on success).
 * <ul>
 * <li>Neither field sent: original mode, the application code AA / AE / AR.</li>
 * <li>Enhanced mode: the hub processes before it answers, so the application acknowledgement is ready at once and
 * is sent on the connection when MSH-16 asks for it; otherwise the commit acknowledgement CA / CE / CR when
 * MSH-15 asks for it; otherwise nothing. A field left empty in enhanced mode asks for nothing; an unknown value
 * is read as AL, so that a sender is never left without an answer by a typo.</li>
 * </ul>
 */
final class AcknowledgementPolicy {

    private AcknowledgementPolicy() {
    }

    static Optional<AcknowledgmentCode> answer(MshHeader header, AcknowledgmentCode applicationCode) {
        if (header == null || !header.enhancedMode()) {
            return Optional.of(applicationCode);
        }
        boolean success = applicationCode == AcknowledgmentCode.AA;
        if (wanted(header.applicationAckType(), success)) {
            return Optional.of(applicationCode);
        }
        if (wanted(header.acceptAckType(), success)) {
            return Optional.of(switch (applicationCode) {
                case AA, CA -> AcknowledgmentCode.CA;
                case AE, CE -> AcknowledgmentCode.CE;
                case AR, CR -> AcknowledgmentCode.CR;
            });
        }
        return Optional.empty();
    }

    private static boolean wanted(String type, boolean success) {
        return switch (type) {
            case "" , "NE" -> false;
            case "ER" -> !success;
            case "SU" -> success;
            default -> true;
        };
    }
}
