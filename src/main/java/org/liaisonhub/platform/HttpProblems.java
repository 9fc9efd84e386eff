package org.liaisonhub.platform;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Errors written by filters, before any controller runs, in the caller's protocol: an OperationOutcome on the FHIR
 * server, an RFC 9457 problem detail everywhere else.
 */
@Component
public class HttpProblems {

    private final ObjectMapper json;
    private final FhirContext fhir;

    HttpProblems(ObjectMapper json, FhirContext fhir) {
        this.json = json;
        this.fhir = fhir;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail, IssueType fhirCode) throws IOException {
        response.setStatus(status.value());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(fhirCode)
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
