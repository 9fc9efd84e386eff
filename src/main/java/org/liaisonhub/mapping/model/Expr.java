package org.liaisonhub.mapping.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A value a mapping rule reads from a message. Evaluates to null when the message does not have it. */
public interface Expr {

    String evaluate(RuleContext context);

    /** All the values (FHIRPath can yield several); one or none for the other kinds. */
    default List<String> evaluateAll(RuleContext context) {
        String value = evaluate(context);
        return value == null ? List.of() : List.of(value);
    }

    /** The field this value is mainly read from, to name in an error; null for a literal. */
    TerserPath anchor();

    /**
     * A value that may be several: a FHIRPath expression, a field of every segment of a name. Conditions test them
     * all ({@code in} holds when one is in the set); as one value, the first.
     */
    interface Several extends Expr {

        @Override
        List<String> evaluateAll(RuleContext context);

        @Override
        default String evaluate(RuleContext context) {
            List<String> all = evaluateAll(context);
            return all.isEmpty() ? null : all.get(0);
        }
    }

    /** The first of several values that is present, e.g. the visit number from PV1-19, else PID-18. */
    record FirstOf(List<Expr> candidates) implements Expr {
        public String evaluate(RuleContext context) {
            for (Expr candidate : candidates) {
                String value = candidate.evaluate(context);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        public TerserPath anchor() {
            return candidates.stream().map(Expr::anchor).filter(a -> a != null).findFirst().orElse(null);
        }
    }

    record Literal(String value) implements Expr {
        public String evaluate(RuleContext context) {
            return value;
        }

        public TerserPath anchor() {
            return null;
        }
    }

    /** A value translated through a table of the rule set (keys compared without regard to case). */
    record Lookup(String table, Map<String, String> entries, Expr of) implements Expr {
        public String evaluate(RuleContext context) {
            String key = of.evaluate(context);
            return key == null ? null : entries.get(key.toLowerCase(Locale.ROOT));
        }

        public TerserPath anchor() {
            return of.anchor();
        }
    }

    /** The moment the message is evaluated, with the offset of the rules' zone. */
    record Now() implements Expr {
        public String evaluate(RuleContext context) {
            return OffsetDateTime.now(context.clock()).toString();
        }

        public TerserPath anchor() {
            return null;
        }
    }

    /**
     * A time moved later ({@code plus}) or earlier by a duration: ISO 8601 ({@code PT1H}), or a number of
     * {@code unit}s (minutes without one), e.g. an appointment's end from its start and AIS-7/AIS-8. Absent when the
     * time or the amount is.
     */
    record Shifted(Expr time, Expr amount, Expr unit, boolean earlier) implements Expr {
        public String evaluate(RuleContext context) {
            String from = time.evaluate(context);
            String by = amount.evaluate(context);
            if (from == null || by == null) {
                return null;
            }
            Duration duration;
            try {
                duration = RuleTimes.duration(by, unit == null ? null : unit.evaluate(context));
            } catch (IllegalArgumentException e) {
                throw context.unusable(amount, e.getMessage());
            }
            try {
                return RuleTimes.shift(from, earlier ? duration.negated() : duration);
            } catch (IllegalArgumentException e) {
                throw context.unusable(time, e.getMessage());
            }
        }

        public TerserPath anchor() {
            return time.anchor();
        }
    }
}
