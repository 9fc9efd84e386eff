package org.liaisonhub.store;

/** Runs a stored message through its channel's processing again. One implementation per channel (HL7 v2, FHIR). */
public interface MessageReprocessor {

    boolean handles(String channel);

    /**
     * Processes the stored message again and records the new outcome. Must never double work: applying the same
     * message twice leaves the work items as applying it once.
     *
     * @return the message's new status
     */
    MessageStatus reprocess(StoredMessage message, String rawText);
}
