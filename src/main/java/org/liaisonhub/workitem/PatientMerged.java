package org.liaisonhub.workitem;

/**
 * Two records of one patient were merged (A40, A34, A36; A47 changes the identifier): the open items of the
 * merged-away MRN belong to the surviving one. Where both have an open item of the same work (type, visit, key), the
 * surviving item stays and the merged-away one is closed with the reason {@code merged}.
 *
 * @param priorMrn the merged-away MRN (MRG-1)
 * @param mrn      the surviving MRN (PID-3)
 */
public record PatientMerged(String priorMrn, String mrn, String rule) implements WorkChange {
}
