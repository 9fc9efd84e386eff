package org.liaisonhub.mapping.hl7;

import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/**
 * One component of the repetition of a repeating field whose component {@code matchComponent} equals a value,
 * else of the first repetition: e.g. the PID-3 identifier whose type (PID-3.5) is MR.
 */
public record Hl7Repetition(TerserPath field, int matchComponent, String equals, int component) implements Expr {

    @Override
    public String evaluate(RuleContext context) {
        Hl7RuleContext hl7 = (Hl7RuleContext) context;
        int count = hl7.message().repetitions(field, hl7.current());
        for (int rep = 0; rep < count; rep++) {
            String candidate = hl7.value(field.at(rep, matchComponent));
            if (candidate != null && candidate.equalsIgnoreCase(equals)) {
                return hl7.value(field.at(rep, component));
            }
        }
        return count == 0 ? null : hl7.value(field.at(0, component));
    }

    @Override
    public TerserPath anchor() {
        return field;
    }
}
