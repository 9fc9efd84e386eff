package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import org.liaisonhub.store.MessageStatus;

/**
 * What processing one HL7 message came to.
 *
 * @param messageId       the stored message, or null if even storing it failed (the sender is then asked to resend)
 * @param acknowledgement the encoded acknowledgement to send (the one stored with the message), null when the
 *                        sender's MSH-15/16 asked for none
 * @param error           what ERR reports, or null
 */
record Hl7Outcome(Long messageId, MessageStatus status, String acknowledgement, HL7Exception error) {
}
