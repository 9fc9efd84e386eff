package org.liaisonhub.platform.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One endpoint, who may call it, and how calling it is audited.
 *
 * @param method       the HTTP method; null for every method
 * @param pattern      a Spring MVC path pattern, e.g. {@code /api/work-items/{id}}
 * @param roles        the roles allowed besides ADMIN; empty for a public endpoint
 * @param audit        the audit action a call records; null for calls that touch no patient data
 * @param resourceType what the call reads or changes, for the audit trail
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> roles, String audit, String resourceType) {

    static AccessRule open(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Set.of(), null, null);
    }

    static AccessRule of(HttpMethod method, String pattern, Set<Role> roles, String audit, String resourceType) {
        return new AccessRule(method, pattern, roles, audit, resourceType);
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    /** The roles that may call it: the rule's roles and ADMIN. */
    public Set<Role> allowed() {
        Set<Role> allowed = EnumSet.of(Role.ADMIN);
        allowed.addAll(roles);
        return allowed;
    }
}
