package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaisonhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access table is the truth: every endpoint the hub serves is in it, and every cell of the role × endpoint
 * matrix holds (401 without credentials, 403 without the role, through with it).
 */
class AccessMatrixTest extends HubIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointTheHubServesIsInTheAccessTable() {
        List<String> missing = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                        .getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        check(missing, null, pattern);
                    }
                    methods.forEach(m -> check(missing, HttpMethod.valueOf(m.name()), pattern));
                    methods.forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(served).as("the API and the actuator are both seen").contains("GET /api/work-items",
                "PATCH /api/work-items/{id}", "GET /actuator/health", "GET /actuator/metrics/{requiredMetricName}");
        assertThat(missing).as("endpoints missing from AccessRules (add them, with their roles)").isEmpty();
    }

    private static void check(List<String> missing, HttpMethod method, String pattern) {
        boolean listed = method == null
                ? Stream.concat(AccessRules.RULES.stream(), AccessRules.CONSOLE.stream())
                        .anyMatch(r -> r.method() == null && r.pattern().equals(pattern))
                : AccessRules.find(method, pattern).isPresent();
        if (!listed) {
            missing.add((method == null ? "ANY" : method.name()) + " " + pattern);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (AccessRule rule : AccessRules.RULES) {
            cells.add(Arguments.of(rule.method() == null ? HttpMethod.GET : rule.method(), rule.pattern(), null,
                    rule.isPublic() ? "through" : "401"));
            for (Role role : Role.values()) {
                cells.add(Arguments.of(rule.method() == null ? HttpMethod.GET : rule.method(), rule.pattern(), role,
                        rule.isPublic() || rule.allowed().contains(role) ? "through" : "403"));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @MethodSource("matrix")
    void theRoleMatrixHolds(HttpMethod method, String pattern, Role role, String expected) {
        HttpHeaders headers = new HttpHeaders();
        if (role == null) {
            headers.set(NO_CREDENTIALS, "true");
        } else {
            headers.setBearerAuth(key(role));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(concrete(pattern), method,
                new HttpEntity<>(method == HttpMethod.GET ? null : "{}", headers), String.class);
        int status = response.getStatusCode().value();
        String contentType = String.valueOf(response.getHeaders().getContentType());
        boolean fromSecurity = (contentType.startsWith("application/problem+json")
                        || pattern.startsWith("/fhir") && contentType.startsWith("application/fhir+json"))
                && response.getBody() != null
                && (response.getBody().contains("Authentication required") || response.getBody().contains("Forbidden"));
        switch (expected) {
            case "401" -> {
                assertThat(status).isEqualTo(401);
                assertThat(fromSecurity).as("a problem body").isTrue();
            }
            case "403" -> {
                assertThat(status).isEqualTo(403);
                assertThat(fromSecurity).as("a problem body").isTrue();
            }
            default -> assertThat(fromSecurity).as("answered by the endpoint, not refused: " + status).isFalse();
        }
    }

    /** The pattern with ids that may or may not exist: 404 is an answer of the endpoint, not a refusal. */
    private static String concrete(String pattern) {
        return pattern.replace("{id}", "1").replace("{vendor}", "interpreter")
                .replace("{type}", "Patient")
                .replace("{requiredMetricName}", "jvm.memory.used").replace("/**", "/liveness");
    }
}
