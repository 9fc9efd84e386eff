package org.liaisonhub.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liaisonhub.mapping.MappingFileException;
import org.liaisonhub.mapping.Mappings;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.model.DetailTemplate;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.Rule;
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
    private static final Set<String> LOCATION_KEYS = Set.of("facility", "unit");
    private static final Set<String> PATIENT_KEYS = Set.of("mrn", "visitNumber", "demographics", "location");
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
        List<RuleSet> ruleSets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files(directory)) {
            ruleSets.add(named(load(file), file, names));
        }
        return new Mappings(ruleSets, fhirPaths);
    }

    /**
     * Checks every file of the directory as {@link #loadDirectory} loads them, without stopping at the first bad one:
     * the first problem of each file that has one, as {@code file:line:column: problem}.
     */
    public List<String> problems(Path directory) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Path> files;
        try {
            files = files(directory);
        } catch (MappingFileException e) {
            return List.of(e.getMessage());
        }
        for (Path file : files) {
            try {
                named(load(file), file, names);
            } catch (MappingFileException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MappingFileException(directory.toString(), "the mappings directory does not exist", null);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(MappingFileLoader::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new MappingFileException(directory.toString(), "cannot list the mappings directory", e);
        }
    }

    private static RuleSet named(RuleSet ruleSet, Path file, Set<String> names) {
        if (!names.add(ruleSet.name())) {
            throw new MappingFileException(file.toString(), 1, 1,
                    "rule set name '" + ruleSet.name() + "' is already used by another mapping file");
        }
        return ruleSet;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    RuleSet load(Path file) {
        return ruleSet(read(file, placeholders), file.toString());
    }

    /** The root node of a YAML file; a file that is not YAML, or is empty, stops the load at its line. */
    static YamlNode read(Path file, UnaryOperator<String> placeholders) {
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
        return new YamlNode(root, name, placeholders);
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
        RuleReader rules = new RuleReader(reader, new ConditionReader(reader, source, fhirPaths));
        if (top.containsKey("tables")) {
            reader.tables().read(top.get("tables"));
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
                ? rules.details(patient.get("demographics")) : new DetailTemplate(Map.of());
        DetailTemplate location = patient.containsKey("location") ? location(rules, patient.get("location"))
                : new DetailTemplate(Map.of());
        YamlNode rulesNode = required(root, top, "rules");
        List<Rule> ruleList = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode ruleNode : rulesNode.list("rules")) {
            Rule rule = source == RuleSet.Source.FHIR ? rules.fhirRule(ruleNode) : rules.rule(ruleNode);
            if (!ids.add(rule.id())) {
                throw ruleNode.error("rule id '" + rule.id() + "' is used twice in this file");
            }
            ruleList.add(rule);
        }
        if (ruleList.isEmpty()) {
            throw rulesNode.error("rules must not be empty");
        }
        return new RuleSet(name, file, source, messageType, mrn, visit, demographics, location, ruleList,
                reader.segmentsRead());
    }

    /** {@code patient.location}: the facility and the unit, each one value (no groups). */
    private static DetailTemplate location(RuleReader rules, YamlNode node) {
        node.map("location", LOCATION_KEYS);
        DetailTemplate location = rules.details(node);
        location.entries().forEach((name, value) -> {
            if (value instanceof DetailTemplate) {
                throw node.error("location " + name + " must be one value, not a group");
            }
        });
        return location;
    }

    static YamlNode required(YamlNode parent, Map<String, YamlNode> entries, String key) {
        YamlNode value = entries.get(key);
        if (value == null) {
            throw parent.error("'" + key + "' is required here");
        }
        return value;
    }
}
