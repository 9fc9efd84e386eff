package org.liaisonhub.deploy;

import java.time.Instant;
import java.util.List;

/**
 * What a reload of the mapping rules did.
 *
 * @param applied  whether the hub now runs the rules read
 * @param version  the version of the files read
 * @param running  the version the hub runs after the reload
 * @param problems why the rules read were refused: file problems ({@code file:line:column: problem}) or failed
 *                 test cases (each a diff); empty when applied
 * @param cases    how many test cases ran
 */
public record ReloadOutcome(boolean applied, String version, String running, List<String> problems, int cases,
        Instant at) {
}
