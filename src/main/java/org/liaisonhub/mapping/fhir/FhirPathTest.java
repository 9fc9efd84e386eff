package org.liaisonhub.mapping.fhir;

import java.util.List;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.liaisonhub.mapping.model.Condition;
import org.liaisonhub.mapping.model.RuleContext;

/** A FHIRPath expression that must be true. */
public record FhirPathTest(String text, ExpressionNode node) implements Condition {

    @Override
    public boolean test(RuleContext context) {
        return ((FhirRuleContext) context).isTrue(node);
    }

    @Override
    public List<String> read(RuleContext context) {
        return ((FhirRuleContext) context).texts(node);
    }
}
