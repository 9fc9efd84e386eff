package org.liaisonhub.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.liaisonhub.platform.security.AccessRule;
import org.liaisonhub.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every call of an audited endpoint (see {@link AccessRules}) once it is answered: who, what (the
 * endpoint and the ids), when, from where and the outcome. Query values are not kept, only filter names: they can
 * be MRNs.
 */
@Component
public class AccessAuditInterceptor implements HandlerInterceptor {

    private final AuditTrail trail;

    public AccessAuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return;
        }
        AccessRule rule = AccessRules.find(HttpMethod.valueOf(request.getMethod()), pattern.toString())
                .filter(r -> r.audit() != null)
                .orElse(null);
        if (rule == null) {
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        trail.record(caller == null || !caller.isAuthenticated() ? null : caller.getName(), rule.audit(),
                rule.resourceType(), ids(request), request.getMethod(), path(request, pattern.toString()),
                response.getStatus(), request.getRemoteAddr(), filters(request));
    }

    private static String ids(HttpServletRequest request) {
        List<Object> ids = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null && variables.containsKey("id")) {
            ids.add(variables.get("id"));
        }
        Object returned = request.getAttribute(AuditedIds.ATTRIBUTE);
        if (returned instanceof List<?> list) {
            ids.addAll(list);
        }
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).distinct().collect(Collectors.joining(","));
    }

    /** The endpoint with its path variables filled in: ids and vendor names, never patient data. */
    private static String path(HttpServletRequest request, String pattern) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String path = pattern;
        if (variables != null) {
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", variable.getValue());
            }
        }
        return path;
    }

    private static String filters(HttpServletRequest request) {
        if (request.getParameterMap().isEmpty()) {
            return null;
        }
        return "filters: " + String.join(", ", new TreeSet<>(request.getParameterMap().keySet()));
    }
}
