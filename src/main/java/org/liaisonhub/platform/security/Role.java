package org.liaisonhub.platform.security;

import java.util.Optional;

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

    /** The role an authority ({@code ROLE_LIAISON}) grants, if it is one of these. */
    static Optional<Role> fromAuthority(String authority) {
        for (Role role : values()) {
            if (role.authority().equals(authority)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
