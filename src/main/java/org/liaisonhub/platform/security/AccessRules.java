package org.liaisonhub.platform.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * The one table of endpoints and roles. The security filter chain is built from it, the audit trail reads its
 * audit actions, and a test checks every endpoint the hub serves against it, so an endpoint missing from this
 * table cannot be served (it is denied to everyone) and fails the build. docs/security.md renders it.
 */
public final class AccessRules {

    public static final String READ = "READ";
    public static final String CHANGE = "CHANGE";
    public static final String REPROCESS = "REPROCESS";
    public static final String REPLAY = "REPLAY";
    public static final String REDISPATCH = "REDISPATCH";
    public static final String CALLBACK = "VENDOR_CALLBACK";

    private static final Set<Role> LIAISON = Set.of(Role.LIAISON);
    private static final Set<Role> INTEGRATION = Set.of(Role.INTEGRATION);
    private static final Set<Role> EHR = Set.of(Role.EHR);

    public static final List<AccessRule> RULES = List.of(
            AccessRule.of(GET, "/api/work-items", LIAISON, READ, "WorkItem"),
            AccessRule.of(GET, "/api/work-items/{id}", LIAISON, READ, "WorkItem"),
            AccessRule.of(PATCH, "/api/work-items/{id}", LIAISON, CHANGE, "WorkItem"),
            AccessRule.of(POST, "/api/work-items/{id}/redispatch", Set.of(Role.LIAISON, Role.INTEGRATION), REDISPATCH,
                    "WorkItem"),
            AccessRule.of(GET, "/api/messages", INTEGRATION, READ, "InboundMessage"),
            AccessRule.of(GET, "/api/messages/{id}", INTEGRATION, READ, "InboundMessage"),
            AccessRule.of(POST, "/api/messages/{id}/reprocess", INTEGRATION, REPROCESS, "InboundMessage"),
            AccessRule.of(POST, "/api/mappings/try", INTEGRATION, null, null),
            AccessRule.of(POST, "/api/mappings/reload", INTEGRATION, null, null),
            AccessRule.of(GET, "/api/dead-letters", INTEGRATION, READ, "DeadLetter"),
            AccessRule.of(GET, "/api/dead-letters/{id}", INTEGRATION, READ, "DeadLetter"),
            AccessRule.of(POST, "/api/dead-letters/{id}/replay", INTEGRATION, REPLAY, "DeadLetter"),
            AccessRule.of(GET, "/api/audit", Set.of(Role.AUDITOR), READ, "AuditTrail"),
            AccessRule.of(GET, "/api/audit/verify", Set.of(Role.AUDITOR), READ, "AuditTrail"),
            // FHIR clients (HAPI's by default) and SMART apps read the CapabilityStatement before anything else
            AccessRule.open(GET, "/fhir/metadata"),
            AccessRule.of(POST, "/fhir", EHR, CHANGE, "FHIR"),
            AccessRule.of(POST, "/fhir/{type}", EHR, CHANGE, "FHIR"),
            AccessRule.of(PUT, "/fhir/{type}/{id}", EHR, CHANGE, "FHIR"),
            AccessRule.of(POST, "/api/fhir-notifications", EHR, CHANGE, "FHIR"),
            // vendors authenticate by the HMAC signature of the body instead
            new AccessRule(POST, "/api/vendor-callbacks/{vendor}", Set.of(), CALLBACK, "WorkItem"),
            AccessRule.open(GET, "/actuator/health"),
            AccessRule.open(GET, "/actuator/health/**"),
            AccessRule.of(GET, "/actuator", INTEGRATION, null, null),
            AccessRule.of(GET, "/actuator/info", INTEGRATION, null, null),
            AccessRule.of(GET, "/actuator/metrics", INTEGRATION, null, null),
            AccessRule.of(GET, "/actuator/metrics/{requiredMetricName}", INTEGRATION, null, null),
            // where the servlet container renders errors, whatever the method; it serves no data
            AccessRule.open(null, "/error"));

    /** Every role a person signs in to the console with. */
    private static final Set<Role> PEOPLE = Set.of(Role.LIAISON, Role.INTEGRATION, Role.AUDITOR);

    /**
     * The console's pages and actions: the same roles as the API behind them, a session instead of a bearer token
     * ({@link ConsoleSecurity}). Sign-in, sign-out, the forbidden page, styles and scripts are open: they show no data.
     */
    public static final List<AccessRule> CONSOLE = List.of(
            AccessRule.open(GET, "/login"),
            AccessRule.open(POST, "/login"),
            AccessRule.open(POST, "/logout"),
            AccessRule.open(null, "/console/forbidden"),
            AccessRule.open(GET, "/console-assets/**"),
            AccessRule.open(GET, "/webjars/**"),
            AccessRule.of(GET, "/", PEOPLE, null, null),
            AccessRule.of(GET, "/console/work-items", LIAISON, READ, "WorkItem"),
            AccessRule.of(GET, "/console/work-items/rows", LIAISON, READ, "WorkItem"),
            AccessRule.of(GET, "/console/work-items/changes", LIAISON, null, null),
            AccessRule.of(GET, "/console/work-items/{id}", LIAISON, READ, "WorkItem"),
            AccessRule.of(POST, "/console/work-items/{id}/claim", LIAISON, CHANGE, "WorkItem"),
            AccessRule.of(POST, "/console/work-items/{id}/note", LIAISON, CHANGE, "WorkItem"),
            AccessRule.of(POST, "/console/work-items/{id}/status", LIAISON, CHANGE, "WorkItem"),
            AccessRule.of(POST, "/console/work-items/{id}/redispatch", Set.of(Role.LIAISON, Role.INTEGRATION),
                    REDISPATCH, "WorkItem"),
            AccessRule.of(GET, "/console/dashboard", INTEGRATION, null, null),
            AccessRule.of(GET, "/console/dashboard/panel", INTEGRATION, null, null),
            AccessRule.of(GET, "/console/messages", INTEGRATION, READ, "InboundMessage"),
            AccessRule.of(POST, "/console/messages", INTEGRATION, READ, "InboundMessage"),
            AccessRule.of(GET, "/console/messages/{id}", INTEGRATION, READ, "InboundMessage"),
            AccessRule.of(POST, "/console/messages/{id}/reprocess", INTEGRATION, REPROCESS, "InboundMessage"),
            AccessRule.of(GET, "/console/dead-letters", INTEGRATION, READ, "DeadLetter"),
            AccessRule.of(GET, "/console/dead-letters/{id}", INTEGRATION, READ, "DeadLetter"),
            AccessRule.of(POST, "/console/dead-letters/{id}/replay", INTEGRATION, REPLAY, "DeadLetter"),
            AccessRule.of(POST, "/console/dead-letters/replay", INTEGRATION, REPLAY, "DeadLetter"),
            AccessRule.of(GET, "/console/mappings", INTEGRATION, null, null),
            AccessRule.of(GET, "/console/mappings/try", INTEGRATION, null, null),
            AccessRule.of(POST, "/console/mappings/try", INTEGRATION, null, null),
            AccessRule.of(GET, "/console/audit", Set.of(Role.AUDITOR), READ, "AuditTrail"));

    private AccessRules() {
    }

    /** The rule of an API endpoint or a console page. */
    public static Optional<AccessRule> find(HttpMethod method, String pattern) {
        return Stream.concat(RULES.stream(), CONSOLE.stream())
                .filter(r -> (r.method() == null || r.method().equals(method)) && r.pattern().equals(pattern))
                .findFirst();
    }
}
