package org.liaisonhub.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** When a rule applies. Comparisons ignore case and surrounding blanks. */
sealed interface Condition {

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

    /** The value is (or with {@code negated}, is not) one of a set. An absent value is in no set. */
    record OneOf(Expr value, Set<String> lowerCaseValues, boolean negated) implements Condition {
        public boolean test(RuleContext context) {
            String actual = value.evaluate(context);
            if (actual == null) {
                return false;
            }
            return lowerCaseValues.contains(actual.toLowerCase(Locale.ROOT)) != negated;
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
