package org.liaisonhub.platform;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the hub speaks FHIR ({@code hub.fhir.*}): the identifier systems of the hospital's MRNs and visit numbers
 * (the same patient and visit whatever the channel), the endpoint the hub's FHIR messages come from, the time
 * zone of HL7 times sent without an offset (FHIR requires one), the EHR's FHIR server (for id-only subscription
 * notifications and references the hub does not have) and whether received resources are validated.
 *
 * @param ehrBaseUrl       the EHR's FHIR base URL; empty: the hub fetches nothing
 * @param validate         validate received resources against base R4 (422 with an OperationOutcome when invalid)
 * @param maxRequestSize   the largest body the FHIR server reads (413 beyond it)
 * @param maxBundleEntries the most entries one Bundle may hold (413 beyond it)
 */
@ConfigurationProperties("hub.fhir")
public record FhirProperties(String mrnSystem, String visitSystem, String sourceEndpoint, String timeZone,
        String ehrBaseUrl, EhrAuth ehrAuth, Boolean validate, DataSize maxRequestSize, Integer maxBundleEntries) {

    /** Project URIs, documented in the README; every one of them is meant to be replaced by the site's own. */
    public static final String BASE = "https://liaisonhub.org/fhir";

    public FhirProperties {
        mrnSystem = blank(mrnSystem) ? BASE + "/NamingSystem/mrn" : mrnSystem;
        visitSystem = blank(visitSystem) ? BASE + "/NamingSystem/visit-number" : visitSystem;
        sourceEndpoint = blank(sourceEndpoint) ? "urn:liaison-hub" : sourceEndpoint;
        timeZone = blank(timeZone) ? ZoneId.systemDefault().getId() : ZoneId.of(timeZone.trim()).getId();
        ehrBaseUrl = blank(ehrBaseUrl) ? null : ehrBaseUrl.trim();
        ehrAuth = ehrAuth == null ? new EhrAuth(null, null, null, null) : ehrAuth;
        validate = validate == null || validate;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        maxBundleEntries = maxBundleEntries == null ? 1000 : maxBundleEntries;
    }

    /** How the hub authenticates to the EHR's FHIR server: none, bearer (a token) or basic. */
    public record EhrAuth(String type, String token, String username, String password) {

        public EhrAuth {
            type = blank(type) ? "none" : type.trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "token", "password");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
