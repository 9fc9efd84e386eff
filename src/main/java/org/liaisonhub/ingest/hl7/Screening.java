package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/** Whether a message passed the checks that decide between processing it and rejecting it (AR). */
sealed interface Screening {

    /** Null only when not even an MSH segment could be read. */
    MshHeader header();

    record Accepted(MshHeader header, Message message) implements Screening {
    }

    record Rejected(MshHeader header, HL7Exception error) implements Screening {
    }
}
