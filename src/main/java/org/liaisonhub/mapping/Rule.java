package org.liaisonhub.mapping;

import java.util.Set;

/**
 * One mapping rule: on these trigger events, for each {@code forEach} segment (or once when null), if the
 * condition holds, do the action.
 */
record Rule(String id, Set<String> events, String forEach, Condition when, RuleAction action) {
}
