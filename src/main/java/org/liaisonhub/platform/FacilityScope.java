package org.liaisonhub.platform;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The facilities a caller may see and change (minimum necessary). A caller limited to some facilities sees only
 * their work items (by the patient's facility, PV1-3.4 or the Encounter's serviceProvider) and messages (by the
 * sending facility, MSH-4, the whole field or its first component); records of no known facility are not theirs.
 * An unlimited caller sees all. Set per API key ({@code hub.security.api-keys.<name>.facilities}) or by a JWT claim
 * ({@code hub.security.jwt.facilities-claim}).
 */
public record FacilityScope(Set<String> facilities) {

    public static final FacilityScope ALL = new FacilityScope(Set.of());

    public FacilityScope {
        facilities = Set.copyOf(facilities);
    }

    public static FacilityScope of(Collection<String> facilities) {
        return facilities == null || facilities.isEmpty() ? ALL : new FacilityScope(Set.copyOf(facilities));
    }

    /** The scope of a caller as authenticated; unlimited for callers that carry none. */
    public static FacilityScope of(Authentication caller) {
        return caller instanceof Scoped scoped ? scoped.facilityScope() : ALL;
    }

    public boolean limited() {
        return !facilities.isEmpty();
    }

    /** Whether a record of this facility (null: none known) is the caller's. */
    public boolean allows(String facility) {
        return !limited() || facility != null && facilities.contains(facility);
    }

    /** Whether a message from this sending facility (an HL7 HD: {@code GENHOSP^1.2.3^ISO}) is the caller's. */
    public boolean allowsSender(String sendingFacility) {
        if (!limited() || sendingFacility == null) {
            return !limited();
        }
        int end = sendingFacility.indexOf('^');
        return facilities.contains(sendingFacility)
                || end > 0 && facilities.contains(sendingFacility.substring(0, end));
    }

    /** An authenticated caller that knows its scope. */
    public interface Scoped {
        FacilityScope facilityScope();
    }
}
