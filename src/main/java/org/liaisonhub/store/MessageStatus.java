package org.liaisonhub.store;

/** What became of an inbound message. */
public enum MessageStatus {
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
