package org.liaisonhub.store;

/** What became of an inbound message. */
public enum MessageStatus {
    /**
     * Stored and acknowledged on receipt (hub.mllp.acknowledge=on-receipt); its work items are being written. A
     * message still RECEIVED when the hub stops is processed when it starts again.
     */
    RECEIVED,
    /** At least one mapping rule wanted it and its work items were written. */
    PROCESSED,
    /** Understood, but no mapping rule wanted it. */
    IGNORED,
    /** Same sender and control id as a message already processed: nothing new was created. */
    DUPLICATE,
    /** Not accepted: unparseable, unsupported type or version, too large. */
    REJECTED,
    /** Parsed, but could not be processed (missing required data, internal error); reprocessable. */
    ERROR
}
