package org.liaisonhub.mapping.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** When a rule applies. Comparisons ignore case and surrounding blanks. */
public interface Condition {

    boolean test(RuleContext context);

    Condition ALWAYS = new AllOf(List.of());

    record Present(Expr value) implements Condition {
        public boolean test(RuleContext context) {
            return value.evaluate(context) != null;
        }
    }

    record Absent(Expr value) implements Condition {
        public boolean test(RuleContext context) {
            return value.evaluate(context) == null;
        }
    }

    /**
     * The value is (or with {@code negated}, is not) one of a set. An absent value is in no set. Of several values
     * (FHIRPath), one in the set is enough for {@code in}; {@code notIn} needs all outside it.
     */
    record OneOf(Expr value, Set<String> lowerCaseValues, boolean negated) implements Condition {
        public boolean test(RuleContext context) {
            List<String> actual = value.evaluateAll(context);
            if (actual.isEmpty()) {
                return false;
            }
            boolean anyIn = actual.stream().anyMatch(v -> lowerCaseValues.contains(v.toLowerCase(Locale.ROOT)));
            return anyIn != negated;
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public boolean test(RuleContext context) {
            return conditions.stream().allMatch(c -> c.test(context));
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public boolean test(RuleContext context) {
            return conditions.stream().anyMatch(c -> c.test(context));
        }
    }
}
