package org.liaisonhub.workitem;

/** What a mapping rule concluded from an event: work is needed, or some open work no longer is. */
public sealed interface WorkChange permits WorkNeeded, WorkNoLongerNeeded, PatientChanged, PatientMerged {

    /** The rule that concluded it, as {@code <rule set>/<rule id>}; recorded as the actor in the history. */
    String rule();
}
