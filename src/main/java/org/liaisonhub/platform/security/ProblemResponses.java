package org.liaisonhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.liaisonhub.platform.HttpProblems;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details (as OperationOutcomes on the FHIR server), accounted for in the audit trail
 * (refused requests each, failed authentications as {@link FailedAuthentications} counts them).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HttpProblems problems;
    private final AuditTrail audit;
    private final FailedAuthentications failures;

    ProblemResponses(HttpProblems problems, AuditTrail audit, FailedAuthentications failures) {
        this.problems = problems;
        this.audit = audit;
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        String reason = !presented ? "no credentials"
                : failure instanceof InvalidBearerTokenException ? "invalid or expired token" : "unknown credentials";
        failures.failed(request.getRemoteAddr(), request.getMethod(), request.getRequestURI(), reason, presented);
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send an API key or a JWT as Authorization: Bearer <token> (" + reason + ").", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String principal = SecurityContextHolder.getContext().getAuthentication() == null ? null
                : SecurityContextHolder.getContext().getAuthentication().getName();
        audit.record(principal, AuditEvent.ACCESS_DENIED, null, null, request.getMethod(), request.getRequestURI(),
                403, request.getRemoteAddr(), "role missing");
        write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + "; docs/security.md lists the role each endpoint needs.", request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail,
            HttpServletRequest request) throws IOException {
        problems.write(request, response, status, title, detail,
                status == HttpStatus.UNAUTHORIZED ? IssueType.LOGIN : IssueType.FORBIDDEN);
    }
}
