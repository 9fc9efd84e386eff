package org.liaisonhub.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.servlet.ModelAndView;

/**
 * Records every call of an audited endpoint (see {@link AccessRules}): who, what (the endpoint and the ids), when,
 * from where and the outcome. A read of patient data is recorded before it is disclosed, and not disclosed when it
 * cannot be recorded: an API answer before its body is written ({@link DisclosureAudit}), a console page before it
 * is rendered. Every other call is recorded once it is answered. Query values are not kept, only filter names: they
 * can be MRNs.
 */
@Component
public class AccessAuditInterceptor implements HandlerInterceptor {

    /** Set on a request whose event is recorded already. */
    private static final String RECORDED = AccessAuditInterceptor.class.getName() + ".recorded";

    private final AuditTrail trail;

    public AccessAuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null) {
            recordDisclosure(request, response.getStatus());
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getAttribute(RECORDED) != null) {
            return;
        }
        rule(request).ifPresent(rule -> trail.record(caller(), rule.audit(), rule.resourceType(), ids(request),
                request.getMethod(), path(request), response.getStatus(), request.getRemoteAddr(),
                filters(request)));
    }

    /** Records a read before its answer goes out; throws {@link AuditUnavailableException} when it cannot. */
    void recordDisclosure(HttpServletRequest request, int status) {
        if (request.getAttribute(RECORDED) != null) {
            return;
        }
        Optional<AccessRule> read = rule(request).filter(rule -> AccessRules.READ.equals(rule.audit()));
        if (read.isEmpty()) {
            return;
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        trail.recordDisclosure(caller(), read.get().audit(), read.get().resourceType(), ids(request),
                request.getMethod(), path(request), status, request.getRemoteAddr(), filters(request));
    }

    private static Optional<AccessRule> rule(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return Optional.empty();
        }
        return AccessRules.find(HttpMethod.valueOf(request.getMethod()), pattern.toString())
                .filter(r -> r.audit() != null);
    }

    private static String caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || !caller.isAuthenticated() ? null : caller.getName();
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
    private static String path(HttpServletRequest request) {
        String pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE).toString();
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
