package org.liaisonhub.platform.security;

/** Who may do what; ADMIN may do everything. docs/security.md has the table of endpoints and roles. */
public enum Role {
    /** Reads and updates work items. */
    LIAISON,
    /** Message store, reprocessing, dead letters and replays, metrics. */
    INTEGRATION,
    /** Sends FHIR resources to the hub. */
    EHR,
    /** Reads the access audit trail. */
    AUDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
