package org.liaisonhub.mapping.hl7;

import java.util.List;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/**
 * A field read in every segment of its name, e.g. {@code {each: AIG-4}}: the resource type of every AIG of an
 * appointment, so that {@code in} holds when any of them is in the set. With {@code where}, only in the segments
 * whose field {@code where} equals a value (case ignored): the name of the PRD whose role PRD-1 is RT, the provider
 * a referral goes to. As a single value, the first present one.
 *
 * @param where  the field of the same segment that selects it; null for every segment
 * @param equals the value {@code where} must have
 */
public record Hl7Each(TerserPath path, TerserPath where, String equals) implements Expr.Several {

    @Override
    public List<String> evaluateAll(RuleContext context) {
        Hl7MessageView message = ((Hl7RuleContext) context).message();
        return message.all(path.segment()).stream()
                .filter(segment -> where == null || equals.equalsIgnoreCase(message.value(where, segment)))
                .map(segment -> message.value(path, segment))
                .filter(value -> value != null).toList();
    }

    @Override
    public TerserPath anchor() {
        return path;
    }
}
