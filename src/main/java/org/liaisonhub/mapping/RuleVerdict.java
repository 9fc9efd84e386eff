package org.liaisonhub.mapping;

/**
 * Whether one rule applied to a message, and if not, why: what {@code try --explain} shows an integration engineer.
 *
 * @param rule    {@code <rule set>/<rule id>}
 * @param why     null when it applied; otherwise the event it is not for, or the first condition that does not hold
 *                with its line in the mapping file and the values it read
 */
public record RuleVerdict(String rule, boolean applied, String why) {
}
