package org.liaisonhub.platform.security;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details (as OperationOutcomes on the FHIR server), each recorded in the audit trail
 * (failed authentications and refused requests are accesses to account for too).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final FhirContext fhir;
    private final AuditTrail audit;

    ProblemResponses(ObjectMapper json, FhirContext fhir, AuditTrail audit) {
        this.json = json;
        this.fhir = fhir;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        String reason = !presented ? "no credentials"
                : failure instanceof InvalidBearerTokenException ? "invalid or expired token" : "unknown credentials";
        audit.record(null, AuditEvent.AUTHENTICATION_FAILED, null, null, request.getMethod(), request.getRequestURI(),
                401, request.getRemoteAddr(), reason);
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
        response.setStatus(status.value());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            // a FHIR client expects an OperationOutcome
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(status == HttpStatus.UNAUTHORIZED ? IssueType.LOGIN : IssueType.FORBIDDEN)
                    .setDiagnostics(title + ": " + detail);
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
