package org.liaisonhub.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.liaisonhub.ingest.TrialInput;
import org.liaisonhub.workitem.RehearsedChange;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the mapping test cases of a directory ({@code mappings/tests/*.yaml}; the format is in docs/mappings.md). A
 * file that cannot be read as cases is a problem at its line, as a bad mapping file is.
 */
final class MappingCaseReader {

    private static final Set<String> FILE_KEYS = Set.of("description", "cases");
    private static final Set<String> CASE_KEYS = Set.of("name", "steps");
    private static final Set<String> STEP_KEYS = Set.of("file", "hl7", "fhir", "answer", "changes");
    private static final Set<String> FIELDS = Set.of("mrn", "visit", "key", "due", "priority", "reason");

    private final List<MappingCase> cases = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** Reads every {@code *.yaml} / {@code *.yml} file of the directory, in name order; none when it does not exist. */
    MappingCaseReader read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return this;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                readFile(file);
            }
        } catch (IOException e) {
            problems.add(directory + ": cannot list the test cases: " + e.getMessage());
        }
        return this;
    }

    List<MappingCase> cases() {
        return cases;
    }

    List<String> problems() {
        return problems;
    }

    private void readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (root == null) {
                throw new CaseFileException(file, null, "the file is empty");
            }
            for (Node node : list(file, map(file, root, FILE_KEYS).get("cases"), "cases")) {
                cases.add(mappingCase(file, node));
            }
        } catch (MarkedYAMLException e) {
            problems.add(file + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        } catch (CaseFileException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static MappingCase mappingCase(Path file, Node node) {
        Map<String, Node> entries = map(file, node, CASE_KEYS);
        String name = scalar(file, required(file, node, entries, "name"), "name");
        List<MappingCase.Step> steps = new ArrayList<>();
        for (Node step : list(file, required(file, node, entries, "steps"), "steps")) {
            steps.add(step(file, step, "step " + (steps.size() + 1)));
        }
        if (steps.isEmpty()) {
            throw new CaseFileException(file, node, "a case needs at least one step");
        }
        return new MappingCase(name, file.toString(), line(node), steps);
    }

    private static MappingCase.Step step(Path file, Node node, String label) {
        Map<String, Node> entries = map(file, node, STEP_KEYS);
        long messages = Stream.of("file", "hl7", "fhir").filter(entries::containsKey).count();
        if (messages != 1) {
            throw new CaseFileException(file, node, "a step names its message once: file, hl7 or fhir");
        }
        String content;
        String name;
        if (entries.containsKey("file")) {
            Path message = file.resolveSibling(scalar(file, entries.get("file"), "file")).normalize();
            try {
                content = Files.readString(message, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CaseFileException(file, entries.get("file"), "cannot read " + message);
            }
            name = message.getFileName().toString();
        } else {
            String kind = entries.containsKey("hl7") ? "hl7" : "fhir";
            content = scalar(file, entries.get(kind), kind);
            name = label;
        }
        String answer = entries.containsKey("answer") ? scalar(file, entries.get("answer"), "answer") : null;
        List<ExpectedChange> changes = new ArrayList<>();
        for (Node change : list(file, required(file, node, entries, "changes"), "changes")) {
            changes.add(expected(file, change));
        }
        return new MappingCase.Step(line(node), new TrialInput(name, content), answer, changes);
    }

    private static ExpectedChange expected(Path file, Node node) {
        Map<String, Node> entries = map(file, node, null);
        RehearsedChange.Action action = null;
        String type = null;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (key.equals("details")) {
                map(file, entry.getValue(), null).forEach((name, value) -> details.put(name,
                        scalar(file, value, "details." + name)));
            } else if (FIELDS.contains(key)) {
                // null: the change has none (an appointment's item has no visit)
                boolean none = entry.getValue().getTag().equals(Tag.NULL);
                fields.put(key, none ? null : scalar(file, entry.getValue(), key));
            } else if (action == null && actionOf(key) != null) {
                action = actionOf(key);
                type = scalar(file, entry.getValue(), key);
            } else {
                throw new CaseFileException(file, entry.getValue(), "unknown key '" + key + "' in an expected change"
                        + " (one of opened, updated, unchanged, cancelled, moved with the type; then " + FIELDS
                        + ", details)");
            }
        }
        if (action == null) {
            throw new CaseFileException(file, node, "an expected change starts with what it does to which type,"
                    + " e.g. 'opened: INTERPRETER'");
        }
        return new ExpectedChange(action, type, fields, details);
    }

    private static RehearsedChange.Action actionOf(String key) {
        for (RehearsedChange.Action action : RehearsedChange.Action.values()) {
            if (action.name().equalsIgnoreCase(key)) {
                return action;
            }
        }
        return null;
    }

    private static Map<String, Node> map(Path file, Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw new CaseFileException(file, node, "expected names with values here");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), "a key");
            if (allowed != null && !allowed.contains(key)) {
                throw new CaseFileException(file, tuple.getKeyNode(), "unknown key '" + key + "' (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw new CaseFileException(file, tuple.getKeyNode(), "'" + key + "' appears twice");
            }
        }
        return entries;
    }

    private static List<Node> list(Path file, Node node, String what) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new CaseFileException(file, node, what + " must be a list");
        }
        return sequence.getValue();
    }

    private static Node required(Path file, Node parent, Map<String, Node> entries, String key) {
        Node value = entries.get(key);
        if (value == null) {
            throw new CaseFileException(file, parent, "'" + key + "' is required here");
        }
        return value;
    }

    private static String scalar(Path file, Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new CaseFileException(file, node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** A test case file that cannot be used, at its line. */
    private static final class CaseFileException extends RuntimeException {

        CaseFileException(Path file, Node node, String problem) {
            super(file + ":" + (node == null ? 1 : line(node)) + ":" + (node == null ? 1
                    : node.getStartMark().getColumn() + 1) + ": " + problem);
        }
    }
}
