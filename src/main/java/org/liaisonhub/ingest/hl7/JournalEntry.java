package org.liaisonhub.ingest.hl7;

import java.time.Instant;

/**
 * One acknowledged HL7 message as the journal keeps it: enough to process it again as it arrived.
 *
 * @param receipt       unique among the hub's journaled messages; stored with the message, so a replay can tell
 *                      whether the database kept it
 * @param remoteAddress the sender, as stored with the message; may be null
 * @param frame         the MLLP payload as received
 */
record JournalEntry(long receipt, Instant receivedAt, String remoteAddress, byte[] frame) {
}
