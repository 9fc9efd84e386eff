package org.liaisonhub.mapping;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.RuleTimes;
import org.liaisonhub.workitem.Priority;

/** The key, due time and priority a rule gives its work, evaluated alike for HL7 v2 and FHIR. */
final class WorkItemTerms {

    private WorkItemTerms() {
    }

    /** The key parts joined with {@code |}; an absent part is empty, so the parts keep their places. */
    static String key(List<Expr> parts, RuleContext context) {
        return parts.stream().map(part -> part.evaluate(context)).map(value -> value == null ? "" : value)
                .collect(Collectors.joining("|"));
    }

    static Instant due(RuleAction.OpenWorkItem open, RuleContext context) {
        String text = open.due() == null ? null : open.due().evaluate(context);
        try {
            return text == null ? null : RuleTimes.instant(text, context.clock().getZone());
        } catch (IllegalArgumentException e) {
            throw context.unusable(open.due(), e.getMessage());
        }
    }

    static Priority priority(RuleAction.OpenWorkItem open, RuleContext context) {
        String text = open.priority() == null ? null : open.priority().evaluate(context);
        try {
            return text == null ? Priority.ROUTINE : Priority.of(text);
        } catch (IllegalArgumentException e) {
            throw context.unusable(open.priority(), "is not a priority (routine, urgent, asap, stat): '" + text + "'");
        }
    }
}
