package org.liaisonhub.mapping.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liaisonhub.mapping.FhirRuleEngine;
import org.liaisonhub.mapping.hl7.Hl7Segments;
import org.liaisonhub.mapping.model.Condition;
import org.liaisonhub.mapping.model.DetailTemplate;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;

/** Reads the rules of one mapping file: their triggers, conditions and actions (docs/mappings.md). */
final class RuleReader {

    private static final Set<String> RULE_KEYS = Set.of("id", "description", "events", "forEach", "when", "workItem",
            "cancel", "update", "merge");
    private static final Set<String> FHIR_RULE_KEYS = Set.of("id", "description", "resources", "when", "workItem",
            "cancel", "update");
    private static final Set<String> WORK_ITEM_KEYS = Set.of("type", "key", "details", "due", "priority");
    private static final Set<String> CANCEL_KEYS = Set.of("types", "key", "reason");
    private static final Set<String> PRIORITIES = Set.of("routine", "urgent", "asap", "stat");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern EVENT = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern WORK_ITEM_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final ExpressionReader reader;
    private final ConditionReader conditions;

    RuleReader(ExpressionReader reader, ConditionReader conditions) {
        this.reader = reader;
        this.conditions = conditions;
    }

    Rule rule(YamlNode node) {
        Map<String, YamlNode> rule = node.map("a rule", RULE_KEYS);
        String id = ruleId(MappingFileLoader.required(node, rule, "id"));
        Set<String> events = new LinkedHashSet<>();
        for (YamlNode event : MappingFileLoader.required(node, rule, "events").oneOrMany("events")) {
            String code = event.nonEmptyScalar("an event");
            if (!EVENT.matcher(code).matches()) {
                throw event.error("'" + code + "' is not a trigger event code such as A01");
            }
            events.add(code);
        }
        String forEach = null;
        if (rule.containsKey("forEach")) {
            forEach = rule.get("forEach").nonEmptyScalar("forEach");
            if (!Hl7Segments.isKnown(forEach)) {
                throw rule.get("forEach").error("forEach must name a segment, such as IN1; '" + forEach + "' is not one");
            }
            reader.segmentRead(forEach);
        }
        Condition when = rule.containsKey("when") ? conditions.condition(rule.get("when")) : Condition.ALWAYS;
        return new Rule(id, events, forEach, when, action(node, rule, id));
    }

    /** A FHIR rule: {@code resources} instead of {@code events}, no {@code forEach}. */
    Rule fhirRule(YamlNode node) {
        Map<String, YamlNode> rule = node.map("a FHIR rule", FHIR_RULE_KEYS);
        String id = ruleId(MappingFileLoader.required(node, rule, "id"));
        Set<String> resources = new LinkedHashSet<>();
        for (YamlNode resource : MappingFileLoader.required(node, rule, "resources").oneOrMany("resources")) {
            String type = resource.nonEmptyScalar("a resource type");
            if (!FhirRuleEngine.RESOURCE_TYPES.contains(type)) {
                throw resource.error("'" + type + "' is not a resource type the hub accepts "
                        + new TreeSet<>(FhirRuleEngine.RESOURCE_TYPES));
            }
            resources.add(type);
        }
        return new Rule(id, resources, null, rule.containsKey("when") ? conditions.condition(rule.get("when"))
                : Condition.ALWAYS, action(node, rule, id));
    }

    private static String ruleId(YamlNode idNode) {
        String id = idNode.nonEmptyScalar("id");
        if (!RULE_ID.matcher(id).matches()) {
            throw idNode.error("rule id '" + id + "' must be lower-case letters, digits and dashes");
        }
        return id;
    }

    private RuleAction action(YamlNode node, Map<String, YamlNode> rule, String id) {
        List<String> actions = Stream.of("workItem", "cancel", "update", "merge").filter(rule::containsKey).toList();
        if (actions.size() != 1) {
            throw node.error("rule '" + id + "' needs exactly one of workItem, cancel, update or merge");
        }
        return switch (actions.get(0)) {
            case "workItem" -> openWorkItem(rule.get("workItem"));
            case "cancel" -> cancel(rule.get("cancel"), id);
            case "merge" -> new RuleAction.MergePatient(reader.expr(MappingFileLoader.required(rule.get("merge"),
                    rule.get("merge").map("merge", Set.of("from")), "from"), "merge from"));
            default -> new RuleAction.UpdateWorkItems(types(MappingFileLoader.required(rule.get("update"),
                    rule.get("update").map("update", Set.of("types")), "types")));
        };
    }

    private RuleAction openWorkItem(YamlNode node) {
        Map<String, YamlNode> entries = node.map("workItem", WORK_ITEM_KEYS);
        String type = workItemType(MappingFileLoader.required(node, entries, "type"));
        DetailTemplate details = entries.containsKey("details")
                ? details(entries.get("details")) : new DetailTemplate(Map.of());
        Expr due = entries.containsKey("due") ? reader.expr(entries.get("due"), "due") : null;
        return new RuleAction.OpenWorkItem(type, key(entries), details, due, priority(entries.get("priority")));
    }

    private List<Expr> key(Map<String, YamlNode> entries) {
        List<Expr> key = new ArrayList<>();
        if (entries.containsKey("key")) {
            for (YamlNode part : entries.get("key").oneOrMany("key")) {
                key.add(reader.expr(part, "key"));
            }
        }
        return key;
    }

    /** A priority: a value, or one of the four words written as a literal (checked here, not at the first message). */
    private Expr priority(YamlNode node) {
        if (node == null) {
            return null;
        }
        if (node.isScalar() && PRIORITIES.contains(node.scalar("priority"))) {
            return new Expr.Literal(node.scalar("priority"));
        }
        Expr value = reader.expr(node, "priority");
        if (value instanceof Expr.Literal literal && !PRIORITIES.contains(literal.value())) {
            throw node.error("priority '" + literal.value() + "' is not one of " + new TreeSet<>(PRIORITIES));
        }
        return value;
    }

    /** A {@code details} (or {@code demographics}) mapping: values, and groups of values. */
    DetailTemplate details(YamlNode node) {
        Map<String, Object> entries = new LinkedHashMap<>();
        node.map("details", null).forEach((name, value) -> {
            boolean group = value.isMap() && !looksLikeExpr(value);
            entries.put(name, group ? details(value) : reader.expr(value, "detail " + name));
        });
        return new DetailTemplate(entries);
    }

    /** A nested mapping is a value when it uses the value keywords, otherwise a group of details. */
    private static boolean looksLikeExpr(YamlNode node) {
        Set<String> keys = node.map("details", null).keySet();
        return keys.stream().anyMatch(ExpressionReader.VALUE_FORMS::contains);
    }

    private RuleAction cancel(YamlNode node, String ruleId) {
        Map<String, YamlNode> entries = node.map("cancel", CANCEL_KEYS);
        Set<String> types = types(MappingFileLoader.required(node, entries, "types"));
        String reason = entries.containsKey("reason") ? entries.get("reason").nonEmptyScalar("reason")
                : "Cancelled by rule " + ruleId;
        return new RuleAction.CancelWorkItems(types, key(entries), reason);
    }

    /** Work-item types, or {@code all} (an empty set). */
    private static Set<String> types(YamlNode typesNode) {
        Set<String> types = new LinkedHashSet<>();
        if (!(typesNode.isScalar() && "all".equals(typesNode.scalar("types")))) {
            for (YamlNode type : typesNode.oneOrMany("types")) {
                types.add(workItemType(type));
            }
        }
        return types;
    }

    private static String workItemType(YamlNode node) {
        String type = node.nonEmptyScalar("a work-item type");
        if (!WORK_ITEM_TYPE.matcher(type).matches()) {
            throw node.error("work-item type '" + type + "' must be upper-case letters, digits and underscores");
        }
        return type;
    }
}
