package org.liaisonhub.mapping.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code details} of a work item: names mapped to values or to nested groups of values. Absent values and
 * groups left empty are omitted from the result.
 */
public record DetailTemplate(Map<String, Object> entries) {

    public Map<String, Object> evaluate(RuleContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            Object value;
            if (entry instanceof DetailTemplate group) {
                Map<String, Object> nested = group.evaluate(context);
                value = nested.isEmpty() ? null : nested;
            } else {
                value = ((Expr) entry).evaluate(context);
            }
            if (value != null) {
                result.put(name, value);
            }
        });
        return result;
    }
}
