package org.liaisonhub.mapping.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liaisonhub.mapping.fhir.FhirPathTest;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.model.Condition;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleSet;

/**
 * Reads the conditions ({@link Condition}, a rule's {@code when}) of one mapping file: the values they compare
 * come from its {@link ExpressionReader}, the sets from its {@code tables}. The syntax is in docs/mappings.md.
 */
final class ConditionReader {

    private static final Set<String> CONDITION_KEYS = Set.of("present", "absent", "value", "in", "notIn", "anyOf",
            "allOf", "test", "after", "before", "not");

    private final ExpressionReader values;
    private final RuleSet.Source source;
    private final FhirPaths fhirPaths;

    ConditionReader(ExpressionReader values, RuleSet.Source source, FhirPaths fhirPaths) {
        this.values = values;
        this.source = source;
        this.fhirPaths = fhirPaths;
    }

    /** A condition, each written part kept with its line and text for explanations ({@link Condition.Written}). */
    Condition condition(YamlNode node) {
        Condition condition = read(node);
        return node.isList() ? condition : new Condition.Written(condition, node.line(), node.flowText());
    }

    private Condition read(YamlNode node) {
        if (node.isList()) {
            List<Condition> all = new ArrayList<>();
            for (YamlNode item : node.list("when")) {
                all.add(condition(item));
            }
            return new Condition.AllOf(all);
        }
        Map<String, YamlNode> entries = node.map("a condition", CONDITION_KEYS);
        if (entries.containsKey("test")) {
            YamlNode test = entries.get("test");
            if (source != RuleSet.Source.FHIR) {
                throw test.error("test takes a FHIRPath expression: it is for FHIR rule sets");
            }
            String text = test.nonEmptyScalar("test");
            try {
                return only(node, entries, new FhirPathTest(text, fhirPaths.parse(text)));
            } catch (IllegalArgumentException e) {
                throw test.error(e.getMessage());
            }
        }
        if (entries.containsKey("present")) {
            return only(node, entries, new Condition.Present(values.expr(entries.get("present"), "present")));
        }
        if (entries.containsKey("absent")) {
            return only(node, entries, new Condition.Absent(values.expr(entries.get("absent"), "absent")));
        }
        if (entries.containsKey("not")) {
            return only(node, entries, new Condition.Not(condition(entries.get("not"))));
        }
        if (entries.containsKey("anyOf") || entries.containsKey("allOf")) {
            boolean any = entries.containsKey("anyOf");
            List<Condition> parts = new ArrayList<>();
            for (YamlNode part : entries.get(any ? "anyOf" : "allOf").list(any ? "anyOf" : "allOf")) {
                parts.add(condition(part));
            }
            return only(node, entries, any ? new Condition.AnyOf(parts) : new Condition.AllOf(parts));
        }
        if (entries.containsKey("value") && (entries.containsKey("after") || entries.containsKey("before"))) {
            boolean before = entries.containsKey("before");
            if (before == entries.containsKey("after") || entries.size() != 2) {
                throw node.error("a time condition needs exactly one of 'after' or 'before' (a time, or now)");
            }
            YamlNode other = entries.get(before ? "before" : "after");
            Expr than = values.time(other, before ? "before" : "after");
            return new Condition.Compared(values.time(entries.get("value"), "value"),
                    than instanceof Expr.Now ? null : than, before);
        }
        if (entries.containsKey("value")) {
            boolean negated = entries.containsKey("notIn");
            if (negated == entries.containsKey("in") || entries.size() != 2) {
                throw node.error("a value condition needs exactly one of 'in' or 'notIn'");
            }
            return new Condition.OneOf(values.expr(entries.get("value"), "value"),
                    set(entries.get(negated ? "notIn" : "in")), negated);
        }
        throw node.error("a condition needs one of present, absent, value (with in/notIn or after/before), anyOf,"
                + " allOf, not or test");
    }

    private static Condition only(YamlNode node, Map<String, YamlNode> entries, Condition condition) {
        if (entries.size() != 1) {
            throw node.error("write one condition per list item; combine them with anyOf/allOf");
        }
        return condition;
    }

    /** A set: a list, a {@code $table}, or one value holding words separated by blanks or commas. */
    private Set<String> set(YamlNode node) {
        if (node.isList()) {
            return TableReader.readSetItems(node.list("a set of values"), "a set of values");
        }
        String text = node.nonEmptyScalar("a set of values");
        if (text.startsWith("$")) {
            Set<String> table = values.tables().set(text.substring(1));
            if (table == null) {
                throw node.error("unknown set " + text + " (sets: " + values.tables().setNames() + ")");
            }
            return table;
        }
        return TableReader.splitSet(text);
    }
}
