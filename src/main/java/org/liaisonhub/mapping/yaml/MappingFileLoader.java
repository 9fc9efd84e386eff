package org.liaisonhub.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liaisonhub.mapping.FhirRuleEngine;
import org.liaisonhub.mapping.MappingFileException;
import org.liaisonhub.mapping.Mappings;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.hl7.Hl7Segments;
import org.liaisonhub.mapping.model.Condition;
import org.liaisonhub.mapping.model.DetailTemplate;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates the mapping files of a directory. Anything wrong stops the load with a
 * {@link MappingFileException} that names the file, line and problem, so a bad file never half-works.
 */
public class MappingFileLoader {

    private static final Set<String> FILE_KEYS = Set.of("ruleSet", "description", "source", "messageType", "patient",
            "values", "tables", "rules");
    private static final Set<String> PATIENT_KEYS = Set.of("mrn", "visitNumber", "demographics");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "events", "forEach", "when", "workItem",
            "cancel");
    private static final Set<String> FHIR_RULE_KEYS = Set.of("id", "description", "resources", "when", "workItem",
            "cancel");
    private static final Set<String> WORK_ITEM_KEYS = Set.of("type", "key", "details");
    private static final Set<String> CANCEL_KEYS = Set.of("types", "reason");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern EVENT = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern WORK_ITEM_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Z0-9]{3}");

    private final UnaryOperator<String> placeholders;
    private final FhirPaths fhirPaths;

    /**
     * @param placeholders resolves {@code ${...}} in values (the Spring environment in the hub)
     * @param fhirPaths    parses the FHIRPath of FHIR rule sets
     */
    public MappingFileLoader(UnaryOperator<String> placeholders, FhirPaths fhirPaths) {
        this.placeholders = placeholders;
        this.fhirPaths = fhirPaths;
    }

    /** Loads every {@code *.yaml} / {@code *.yml} file of the directory, in name order. */
    public Mappings loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MappingFileException(directory.toString(), "the mappings directory does not exist", null);
        }
        List<RuleSet> ruleSets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(MappingFileLoader::isYaml).sorted().toList()) {
                RuleSet ruleSet = load(file);
                if (!names.add(ruleSet.name())) {
                    throw new MappingFileException(file.toString(), 1, 1,
                            "rule set name '" + ruleSet.name() + "' is already used by another mapping file");
                }
                ruleSets.add(ruleSet);
            }
        } catch (IOException e) {
            throw new MappingFileException(directory.toString(), "cannot list the mappings directory", e);
        }
        return new Mappings(ruleSets, fhirPaths);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    RuleSet load(Path file) {
        String name = file.toString();
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new MappingFileException(name, e.getProblemMark().getLine() + 1,
                    e.getProblemMark().getColumn() + 1, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new MappingFileException(name, "cannot be read", e);
        }
        if (root == null) {
            throw new MappingFileException(name, 1, 1, "the file is empty");
        }
        return ruleSet(new YamlNode(root, name, placeholders), name);
    }

    private RuleSet ruleSet(YamlNode root, String file) {
        Map<String, YamlNode> top = root.map("a mapping file", FILE_KEYS);
        String name = required(root, top, "ruleSet").nonEmptyScalar("ruleSet");
        YamlNode sourceNode = required(root, top, "source");
        RuleSet.Source source = switch (sourceNode.scalar("source")) {
            case "hl7v2" -> RuleSet.Source.HL7V2;
            case "fhir" -> RuleSet.Source.FHIR;
            default -> throw sourceNode.error("source must be hl7v2 or fhir");
        };
        String messageType = source == RuleSet.Source.FHIR ? null : "ADT";
        if (top.containsKey("messageType")) {
            if (source == RuleSet.Source.FHIR) {
                throw top.get("messageType").error("messageType is for hl7v2 rule sets; FHIR rules name resources");
            }
            messageType = top.get("messageType").nonEmptyScalar("messageType");
            if (!MESSAGE_TYPE.matcher(messageType).matches()) {
                throw top.get("messageType").error("messageType must be an HL7 message type such as ADT");
            }
        }
        ExpressionReader reader = new ExpressionReader(source, fhirPaths);
        if (top.containsKey("tables")) {
            reader.readTables(top.get("tables"));
        }
        if (top.containsKey("values")) {
            reader.readValues(top.get("values"));
        }
        YamlNode patientNode = required(root, top, "patient");
        Map<String, YamlNode> patient = patientNode.map("patient", PATIENT_KEYS);
        Expr mrn = reader.expr(required(patientNode, patient, "mrn"), "patient mrn");
        Expr visit = patient.containsKey("visitNumber") ? reader.expr(patient.get("visitNumber"), "visitNumber")
                : null;
        DetailTemplate demographics = patient.containsKey("demographics")
                ? details(patient.get("demographics"), reader) : new DetailTemplate(Map.of());
        YamlNode rulesNode = required(root, top, "rules");
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode ruleNode : rulesNode.list("rules")) {
            Rule rule = source == RuleSet.Source.FHIR ? fhirRule(ruleNode, reader) : rule(ruleNode, reader);
            if (!ids.add(rule.id())) {
                throw ruleNode.error("rule id '" + rule.id() + "' is used twice in this file");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw rulesNode.error("rules must not be empty");
        }
        return new RuleSet(name, file, source, messageType, mrn, visit, demographics, rules, reader.segmentsRead());
    }

    private Rule rule(YamlNode node, ExpressionReader reader) {
        Map<String, YamlNode> rule = node.map("a rule", RULE_KEYS);
        String id = ruleId(required(node, rule, "id"));
        Set<String> events = new LinkedHashSet<>();
        for (YamlNode event : required(node, rule, "events").oneOrMany("events")) {
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
        Condition when = rule.containsKey("when") ? reader.condition(rule.get("when")) : Condition.ALWAYS;
        return new Rule(id, events, forEach, when, action(node, rule, id, reader));
    }

    /** A FHIR rule: {@code resources} instead of {@code events}, no {@code forEach}. */
    private Rule fhirRule(YamlNode node, ExpressionReader reader) {
        Map<String, YamlNode> rule = node.map("a FHIR rule", FHIR_RULE_KEYS);
        String id = ruleId(required(node, rule, "id"));
        Set<String> resources = new LinkedHashSet<>();
        for (YamlNode resource : required(node, rule, "resources").oneOrMany("resources")) {
            String type = resource.nonEmptyScalar("a resource type");
            if (!FhirRuleEngine.RESOURCE_TYPES.contains(type)) {
                throw resource.error("'" + type + "' is not a resource type the hub accepts " + new TreeSet<>(FhirRuleEngine.RESOURCE_TYPES));
            }
            resources.add(type);
        }
        return new Rule(id, resources, null, rule.containsKey("when") ? reader.condition(rule.get("when"))
                : Condition.ALWAYS, action(node, rule, id, reader));
    }

    private static String ruleId(YamlNode idNode) {
        String id = idNode.nonEmptyScalar("id");
        if (!RULE_ID.matcher(id).matches()) {
            throw idNode.error("rule id '" + id + "' must be lower-case letters, digits and dashes");
        }
        return id;
    }

    private static RuleAction action(YamlNode node, Map<String, YamlNode> rule, String id, ExpressionReader reader) {
        boolean opens = rule.containsKey("workItem");
        if (opens == rule.containsKey("cancel")) {
            throw node.error("rule '" + id + "' needs exactly one of workItem or cancel");
        }
        return opens ? openWorkItem(rule.get("workItem"), reader) : cancel(rule.get("cancel"), id);
    }

    private static RuleAction openWorkItem(YamlNode node, ExpressionReader reader) {
        Map<String, YamlNode> entries = node.map("workItem", WORK_ITEM_KEYS);
        String type = workItemType(required(node, entries, "type"));
        List<Expr> key = new ArrayList<>();
        if (entries.containsKey("key")) {
            for (YamlNode part : entries.get("key").oneOrMany("key")) {
                key.add(reader.expr(part, "key"));
            }
        }
        DetailTemplate details = entries.containsKey("details")
                ? details(entries.get("details"), reader) : new DetailTemplate(Map.of());
        return new RuleAction.OpenWorkItem(type, key, details);
    }

    private static DetailTemplate details(YamlNode node, ExpressionReader reader) {
        Map<String, Object> entries = new LinkedHashMap<>();
        node.map("details", null).forEach((name, value) -> {
            boolean group = value.isMap() && !looksLikeExpr(value);
            entries.put(name, group ? details(value, reader) : reader.expr(value, "detail " + name));
        });
        return new DetailTemplate(entries);
    }

    /** A nested mapping is a value when it uses the value keywords, otherwise a group of details. */
    private static boolean looksLikeExpr(YamlNode node) {
        Set<String> keys = node.map("details", null).keySet();
        return keys.stream().anyMatch(k -> Set.of("path", "firstOf", "literal", "lookup", "repetitionOf").contains(k));
    }

    private static RuleAction cancel(YamlNode node, String ruleId) {
        Map<String, YamlNode> entries = node.map("cancel", CANCEL_KEYS);
        YamlNode typesNode = required(node, entries, "types");
        Set<String> types = new LinkedHashSet<>();
        if (!(typesNode.isScalar() && "all".equals(typesNode.scalar("types")))) {
            for (YamlNode type : typesNode.oneOrMany("types")) {
                types.add(workItemType(type));
            }
        }
        String reason = entries.containsKey("reason") ? entries.get("reason").nonEmptyScalar("reason")
                : "Cancelled by rule " + ruleId;
        return new RuleAction.CancelWorkItems(types, reason);
    }

    private static String workItemType(YamlNode node) {
        String type = node.nonEmptyScalar("a work-item type");
        if (!WORK_ITEM_TYPE.matcher(type).matches()) {
            throw node.error("work-item type '" + type + "' must be upper-case letters, digits and underscores");
        }
        return type;
    }

    private static YamlNode required(YamlNode parent, Map<String, YamlNode> entries, String key) {
        YamlNode value = entries.get(key);
        if (value == null) {
            throw parent.error("'" + key + "' is required here");
        }
        return value;
    }
}
