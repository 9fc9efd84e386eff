package org.liaisonhub.mapping;

import java.time.Instant;

/**
 * One loaded set of mapping rules, whole: what a message is handled by from its screening to its outcome.
 *
 * @param version  the rule-set version: a hash of the mapping files' content ({@link RuleSetVersion}), recorded
 *                 on every message these rules handle
 * @param loadedAt when the hub loaded them
 */
public record LoadedRules(Mappings mappings, Hl7RuleEngine hl7, FhirRuleEngine fhir, String version,
        Instant loadedAt) {
}
