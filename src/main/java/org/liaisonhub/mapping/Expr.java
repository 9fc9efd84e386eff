package org.liaisonhub.mapping;

import ca.uhn.hl7v2.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;

/** A value a mapping rule reads from a message. Evaluates to null when the message does not have it. */
sealed interface Expr {

    String evaluate(RuleContext context);

    /** All the values (FHIRPath can yield several); one or none for the other kinds. */
    default List<String> evaluateAll(RuleContext context) {
        String value = evaluate(context);
        return value == null ? List.of() : List.of(value);
    }

    /** The field this value is mainly read from, to name in an error; null for a literal. */
    TerserPath anchor();

    /** A field, e.g. {@code PV1-19} or {@code PID-15-2}. */
    record Field(TerserPath path) implements Expr {
        public String evaluate(RuleContext context) {
            return ((Hl7RuleContext) context).value(path);
        }

        public TerserPath anchor() {
            return path;
        }
    }

    /** A FHIRPath expression on the rule's resource; its first value as text (FHIR primitives only). */
    record FhirPath(String text, ExpressionNode node) implements Expr {
        public String evaluate(RuleContext context) {
            List<String> all = evaluateAll(context);
            return all.isEmpty() ? null : all.get(0);
        }

        @Override
        public List<String> evaluateAll(RuleContext context) {
            return ((FhirRuleContext) context).texts(node);
        }

        public TerserPath anchor() {
            return null;
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

    /**
     * One component of the repetition of a repeating field whose component {@code matchComponent} equals a value,
     * else of the first repetition: e.g. the PID-3 identifier whose type (PID-3.5) is MR.
     */
    record Repetition(TerserPath field, int matchComponent, String equals, int component) implements Expr {
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

        public TerserPath anchor() {
            return field;
        }
    }

    /** An HL7 DT or DTM value as an ISO 8601 date or date-time. */
    record AsDate(Expr of, boolean withTime) implements Expr {
        public String evaluate(RuleContext context) {
            String value = of.evaluate(context);
            if (value == null) {
                return null;
            }
            try {
                return withTime ? Hl7Dates.dateTime(value) : Hl7Dates.date(value);
            } catch (IllegalArgumentException e) {
                TerserPath at = anchor();
                throw new MappingDataException(ErrorCode.DATA_TYPE_ERROR,
                        at == null ? null : ((Hl7RuleContext) context).location(at),
                        (at == null ? "A value" : at.text()) + " is not a valid " + (withTime ? "date/time" : "date"));
            }
        }

        public TerserPath anchor() {
            return of.anchor();
        }
    }
}
