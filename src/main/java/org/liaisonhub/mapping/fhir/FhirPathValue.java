package org.liaisonhub.mapping.fhir;

import java.util.List;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/** A FHIRPath expression on the rule's resource; its first value as text (FHIR primitives only). */
public record FhirPathValue(String text, ExpressionNode node) implements Expr.Several {

    @Override
    public List<String> evaluateAll(RuleContext context) {
        return ((FhirRuleContext) context).texts(node);
    }

    @Override
    public TerserPath anchor() {
        return null;
    }
}
