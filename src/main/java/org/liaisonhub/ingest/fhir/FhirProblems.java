package org.liaisonhub.ingest.fhir;

import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Problems in FHIR's terms: the OperationOutcome a request is answered with, and its one-line summary. */
public final class FhirProblems {

    private FhirProblems() {
    }

    public static OperationOutcome outcome(IssueType type, String text, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    /** Each issue as {@code expression: diagnostics}, for the message store's error text. */
    static String summary(OperationOutcome problems) {
        return problems.getIssue().stream()
                .map(i -> (i.hasExpression() ? i.getExpression().get(0) + ": " : "") + i.getDiagnostics())
                .collect(Collectors.joining("; "));
    }
}
