package org.liaisonhub.platform;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub names things in FHIR ({@code hub.fhir.*}): the identifier systems of the hospital's MRNs and visit
 * numbers, the endpoint the hub's FHIR messages come from, and the time zone of HL7 times sent without an offset
 * (FHIR requires one).
 */
@ConfigurationProperties("hub.fhir")
public record FhirProperties(String mrnSystem, String visitSystem, String sourceEndpoint, String timeZone) {

    /** Project URIs, documented in the README; every one of them is meant to be replaced by the site's own. */
    public static final String BASE = "https://liaisonhub.org/fhir";

    public FhirProperties {
        mrnSystem = blank(mrnSystem) ? BASE + "/NamingSystem/mrn" : mrnSystem;
        visitSystem = blank(visitSystem) ? BASE + "/NamingSystem/visit-number" : visitSystem;
        sourceEndpoint = blank(sourceEndpoint) ? "urn:liaison-hub" : sourceEndpoint;
        timeZone = blank(timeZone) ? ZoneId.systemDefault().getId() : ZoneId.of(timeZone.trim()).getId();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
