package org.liaisonhub.mapping.hl7;

import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/** An HL7 DT or DTM value as an ISO 8601 date or date-time. */
public record Hl7Date(Expr of, boolean withTime) implements Expr {

    @Override
    public String evaluate(RuleContext context) {
        String value = of.evaluate(context);
        if (value == null) {
            return null;
        }
        try {
            return withTime ? Hl7Dates.dateTime(value) : Hl7Dates.date(value);
        } catch (IllegalArgumentException e) {
            throw context.unusable(this, "is not a valid " + (withTime ? "date/time" : "date"));
        }
    }

    @Override
    public TerserPath anchor() {
        return of.anchor();
    }
}
