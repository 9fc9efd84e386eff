package org.liaisonhub.mapping.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** When a rule applies. Comparisons ignore case and surrounding blanks. */
public interface Condition {

    boolean test(RuleContext context);

    /** The values the condition compares, to show why it does not hold; none for a combination. */
    default List<String> read(RuleContext context) {
        return List.of();
    }

    Condition ALWAYS = new AllOf(List.of());

    /** A condition as its mapping file writes it, at its line: what an explanation quotes. */
    record Written(Condition condition, int line, String text) implements Condition {
        public boolean test(RuleContext context) {
            return condition.test(context);
        }

        @Override
        public List<String> read(RuleContext context) {
            return condition.read(context);
        }
    }

    record Present(Expr value) implements Condition {
        public boolean test(RuleContext context) {
            return value.evaluate(context) != null;
        }

        @Override
        public List<String> read(RuleContext context) {
            return value.evaluateAll(context);
        }
    }

    record Absent(Expr value) implements Condition {
        public boolean test(RuleContext context) {
            return value.evaluate(context) == null;
        }

        @Override
        public List<String> read(RuleContext context) {
            return value.evaluateAll(context);
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

        @Override
        public List<String> read(RuleContext context) {
            return value.evaluateAll(context);
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public boolean test(RuleContext context) {
            return conditions.stream().allMatch(c -> c.test(context));
        }
    }

    /** The condition does not hold: "the appointment no longer asks for transport". */
    record Not(Condition condition) implements Condition {
        public boolean test(RuleContext context) {
            return !condition.test(context);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public boolean test(RuleContext context) {
            return conditions.stream().anyMatch(c -> c.test(context));
        }
    }

    /**
     * The time is after (or, with {@code before}, before) another time, {@code now} by default: "the appointment is
     * still to come". An absent time is neither.
     */
    record Compared(Expr time, Expr other, boolean before) implements Condition {
        public boolean test(RuleContext context) {
            Instant mine = instant(time, context);
            Instant theirs = other == null ? context.clock().instant() : instant(other, context);
            if (mine == null || theirs == null) {
                return false;
            }
            return before ? mine.isBefore(theirs) : mine.isAfter(theirs);
        }

        @Override
        public List<String> read(RuleContext context) {
            List<String> times = new ArrayList<>(time.evaluateAll(context));
            times.addAll(other == null ? List.of("now " + context.clock().instant()) : other.evaluateAll(context));
            return times;
        }

        private static Instant instant(Expr value, RuleContext context) {
            String text = value.evaluate(context);
            try {
                return text == null ? null : RuleTimes.instant(text, context.clock().getZone());
            } catch (IllegalArgumentException e) {
                throw context.unusable(value, e.getMessage());
            }
        }
    }
}
