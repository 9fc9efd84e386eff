package org.liaisonhub.mapping.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.liaisonhub.mapping.MappingFileException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a mapping file with its position, so that every problem can be reported at its line. Scalars pass
 * through the placeholder resolver, so {@code ${hub.some.setting:default}} works in any value.
 */
public record YamlNode(Node node, String file, UnaryOperator<String> placeholders) {

    MappingFileException error(String problem) {
        return new MappingFileException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                problem);
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** The node on one line in YAML's flow style, {@code {value: PV1-2, in: [I, E]}}: how an explanation quotes it. */
    String flowText() {
        if (node instanceof ScalarNode scalar) {
            // as the rule reads it: a ${...} setting with the value it has in this hub
            return scalar.getValue().contains("${") ? scalar("a value") : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(item -> child(item).flowText())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return ((MappingNode) node).getValue().stream()
                .map(t -> child(t.getKeyNode()).flowText() + ": " + child(t.getValueNode()).flowText())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    String scalar(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(what + " must be a single value");
        }
        String value = scalar.getValue();
        if (value.contains("${")) {
            try {
                value = placeholders.apply(value);
            } catch (IllegalArgumentException e) {
                throw error(what + ": " + e.getMessage());
            }
        }
        return value.trim();
    }

    String nonEmptyScalar(String what) {
        String value = scalar(what);
        if (value.isEmpty()) {
            throw error(what + " must not be empty");
        }
        return value;
    }

    /** The entries of a mapping in file order; rejects keys outside {@code allowed} and repeated keys. */
    Map<String, YamlNode> map(String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(what + " must be a mapping of names to values");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = child(tuple.getKeyNode());
            String name = key.scalar("a key");
            if (allowed != null && !allowed.contains(name)) {
                throw key.error("unknown key '" + name + "' in " + what + " (expected one of " + new TreeSet<>(allowed) + ")");
            }
            if (entries.put(name, child(tuple.getValueNode())) != null) {
                throw key.error("'" + name + "' appears twice in " + what);
            }
        }
        return entries;
    }

    List<YamlNode> list(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(what + " must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(child(item));
        }
        return items;
    }

    /** A list, or a single value treated as a list of one. */
    List<YamlNode> oneOrMany(String what) {
        return isList() ? list(what) : List.of(this);
    }

    private YamlNode child(Node child) {
        return new YamlNode(child, file, placeholders);
    }
}
