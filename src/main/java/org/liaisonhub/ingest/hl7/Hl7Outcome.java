package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.util.Optional;
import org.liaisonhub.store.MessageStatus;

/**
 * What processing one HL7 message came to, with all the acknowledgement needs.
 *
 * @param messageId the stored message, or null if even storing it failed (the sender is then asked to resend)
 * @param answer    the acknowledgement code to send, empty when the sender's MSH-15/16 asked for none
 * @param parsed    the parsed message, null if it could not be parsed
 * @param header    the MSH as read, null if there was none
 * @param error     what to report in ERR, or null
 */
record Hl7Outcome(Long messageId, MessageStatus status, Optional<AcknowledgmentCode> answer, Message parsed,
        MshHeader header, HL7Exception error) {
}
