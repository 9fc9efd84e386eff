package org.liaisonhub.ingest;

import java.util.List;
import org.liaisonhub.mapping.RuleVerdict;
import org.liaisonhub.workitem.RehearsedChange;

/**
 * What the hub would do with one message of a trial: how it would answer, and what it would do to the work list.
 *
 * @param source          the file (or part) it came from, and its place there: {@code a01.hl7#1}
 * @param channel         {@code HL7V2} or {@code FHIR}
 * @param event           {@code ADT^A01}, or the FHIR resource types
 * @param status          as the message store would record it: PROCESSED, IGNORED (no rule wanted it), DUPLICATE,
 *                        ERROR (AE, 422) or REJECTED (AR, 400)
 * @param answer          the acknowledgement code (AA, AE, AR, CA...; null when the sender asked for none), or the
 *                        FHIR server's HTTP status
 * @param acknowledgement the HL7 acknowledgement as it would be sent (segments separated by {@code \r}); for FHIR
 *                        null
 * @param problem         what is wrong with the message, where it is; null when nothing is
 * @param verdicts        with {@code explain}, why each rule applied or did not; else empty
 */
public record TriedMessage(String source, String channel, String event, String status, String answer,
        String acknowledgement, String problem, List<String> appliedRules, List<RehearsedChange> changes,
        List<RuleVerdict> verdicts) {
}
