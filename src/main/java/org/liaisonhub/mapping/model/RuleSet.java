package org.liaisonhub.mapping.model;

import java.util.List;
import org.liaisonhub.mapping.SegmentsRead;

/**
 * The rules of one mapping file, with how it identifies the patient (MRN, required once a rule applies) and the
 * visit (optional), the demographics copied onto every work item it opens (what a vendor's Patient needs), and
 * the patient's location (facility and unit: how liaisons divide the work list).
 * For FHIR, the MRN and demographics are read from the Patient and the visit number from the Encounter.
 * {@code segmentsRead} names the HL7 v2 segments its paths and rules read (none for FHIR).
 */
public record RuleSet(String name, String file, Source source, String messageType, Expr mrn, Expr visitNumber,
        DetailTemplate demographics, DetailTemplate location, List<Rule> rules, SegmentsRead segmentsRead) {

    public enum Source { HL7V2, FHIR }
}
