package org.liaisonhub.mapping.model;

import java.util.Set;

/**
 * One mapping rule: on these triggers (HL7 v2 trigger events, or FHIR resource types), for each {@code forEach}
 * segment (or once when null), if the condition holds, do the action.
 */
public record Rule(String id, Set<String> triggers, String forEach, Condition when, RuleAction action) {
}
