package org.liaisonhub.mapping;

import java.util.List;

/**
 * The rules of one mapping file, with how it identifies the patient (MRN, required once a rule applies) and the
 * visit (optional), and the demographics copied onto every work item it opens (what a vendor's Patient needs).
 */
record RuleSet(String name, String file, String messageType, Expr mrn, Expr visitNumber, DetailTemplate demographics,
        List<Rule> rules) {
}
