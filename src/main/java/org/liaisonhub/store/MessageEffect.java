package org.liaisonhub.store;

/** What processing a message did to one work item (created, updated, cancelled...). */
public record MessageEffect(long workItemId, String workItemType, String action, String toStatus) {
}
