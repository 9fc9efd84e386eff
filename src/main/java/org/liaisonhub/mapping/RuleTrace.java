package org.liaisonhub.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.liaisonhub.mapping.fhir.FhirPathTest;
import org.liaisonhub.mapping.model.Condition;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.RuleSet;

/**
 * Follows an evaluation rule by rule. The hub's own evaluations use {@link #NONE}, which costs nothing; a trial
 * keeps a verdict per rule ({@link #explaining()}), naming the first written condition that does not hold.
 */
class RuleTrace {

    static final RuleTrace NONE = new RuleTrace();

    List<RuleVerdict> verdicts() {
        return List.of();
    }

    void applied(RuleSet set, Rule rule) {
    }

    void notForThisEvent(RuleSet set, Rule rule, String event) {
    }

    void nothingToEach(RuleSet set, Rule rule) {
    }

    void conditionFailed(RuleSet set, Rule rule, RuleContext context) {
    }

    static RuleTrace explaining() {
        return new Explaining();
    }

    private static final class Explaining extends RuleTrace {

        private final List<RuleVerdict> verdicts = new ArrayList<>();

        @Override
        List<RuleVerdict> verdicts() {
            return List.copyOf(verdicts);
        }

        @Override
        void applied(RuleSet set, Rule rule) {
            verdicts.add(new RuleVerdict(set.name() + "/" + rule.id(), true, null));
        }

        @Override
        void notForThisEvent(RuleSet set, Rule rule, String event) {
            verdicts.add(new RuleVerdict(set.name() + "/" + rule.id(), false, "not for " + event + " (for "
                    + String.join(", ", new TreeSet<>(rule.triggers())) + ")"));
        }

        @Override
        void nothingToEach(RuleSet set, Rule rule) {
            verdicts.add(new RuleVerdict(set.name() + "/" + rule.id(), false, "the message has no " + rule.forEach()
                    + " segment to apply it to"));
        }

        @Override
        void conditionFailed(RuleSet set, Rule rule, RuleContext context) {
            verdicts.add(new RuleVerdict(set.name() + "/" + rule.id(), false, firstFailed(rule.when(), context)
                    .map(written -> "line " + written.line() + ": " + written.text() + " does not hold ("
                            + seen(written, context) + ")")
                    .orElse("its condition does not hold")));
        }

        /** The innermost written condition that fails: the part of an allOf, the whole of an anyOf or a not. */
        private static Optional<Condition.Written> firstFailed(Condition condition, RuleContext context) {
            if (condition.test(context)) {
                return Optional.empty();
            }
            if (condition instanceof Condition.Written written) {
                Optional<Condition.Written> inner = firstFailed(written.condition(), context);
                return inner.isPresent() ? inner : Optional.of(written);
            }
            if (condition instanceof Condition.AllOf all) {
                for (Condition part : all.conditions()) {
                    Optional<Condition.Written> failed = firstFailed(part, context);
                    if (failed.isPresent()) {
                        return failed;
                    }
                }
            }
            return Optional.empty();
        }

        private static String seen(Condition.Written written, RuleContext context) {
            if (written.condition() instanceof Condition.AnyOf) {
                return "none of its conditions holds";
            }
            if (written.condition() instanceof Condition.Not) {
                return "the condition it negates holds";
            }
            List<String> values = written.read(context);
            if (values.isEmpty()) {
                return written.condition() instanceof FhirPathTest ? "it yields nothing" : "the value is absent";
            }
            return "read " + String.join(", ", values.stream()
                    .map(v -> "'" + v + "'").toList());
        }
    }
}
