package org.liaisonhub.ingest.fhir;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.liaisonhub.mapping.FhirRuleEngine;

/** The resource types the hub accepts: those mapping rules are written for, and those they refer to. */
public final class FhirTypes {

    /** Types mapping rules apply to. */
    public static final Set<String> MAPPED = FhirRuleEngine.RESOURCE_TYPES;

    /** Types the mapped ones refer to (a payer, a unit, a subscriber), kept so that resolve() finds them. */
    static final Set<String> REFERENCED = Set.of("Organization", "Location", "Practitioner", "PractitionerRole",
            "RelatedPerson");

    /** Everything that can be created or updated, alone or in a bundle, in the order the CapabilityStatement lists. */
    public static final Set<String> ACCEPTED = accepted();

    private FhirTypes() {
    }

    private static Set<String> accepted() {
        Set<String> accepted = new TreeSet<>(MAPPED);
        accepted.addAll(REFERENCED);
        return Collections.unmodifiableSet(accepted);
    }
}
