package org.liaisonhub.mapping.hl7;

import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/** A field, e.g. {@code PV1-19} or {@code PID-15-2}. */
public record Hl7Field(TerserPath path) implements Expr {

    @Override
    public String evaluate(RuleContext context) {
        return ((Hl7RuleContext) context).value(path);
    }

    @Override
    public TerserPath anchor() {
        return path;
    }
}
