package org.liaisonhub.mapping.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code tables} section of one mapping file: a list is a set of values, a mapping is a lookup table, one value
 * is a set of blank- or comma-separated words, and {@code {fromFile: tables/x.yaml}} is either, read from a file
 * below the mappings directory that several rule sets share (the BCP-47 language table). Keys and values compare
 * without regard to case.
 */
final class TableReader {

    private final Map<String, Set<String>> sets = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> lookups = new LinkedHashMap<>();

    void read(YamlNode tables) {
        tables.map("tables", null).forEach((name, written) -> {
            YamlNode table = written.isMap() && written.map("table " + name, null).containsKey("fromFile")
                    ? shared(written) : written;
            if (table.isList()) {
                sets.put(name, readSetItems(table.list("table " + name), "table " + name));
            } else if (table.isMap()) {
                Map<String, String> entries = new LinkedHashMap<>();
                table.map("table " + name, null).forEach((key, value) ->
                        entries.put(key.toLowerCase(Locale.ROOT), value.scalar("table " + name + " value")));
                lookups.put(name, entries);
            } else {
                sets.put(name, splitSet(table.scalar("table " + name)));
            }
        });
    }

    private static YamlNode shared(YamlNode node) {
        YamlNode fileNode = node.map("a shared table", Set.of("fromFile")).get("fromFile");
        Path directory = Path.of(node.file()).toAbsolutePath().getParent();
        Path file = directory.resolve(fileNode.nonEmptyScalar("fromFile")).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw fileNode.error("fromFile must name a file below the mappings directory, such as"
                    + " tables/bcp47-language.yaml; '" + fileNode.scalar("fromFile") + "' is not one");
        }
        return MappingFileLoader.read(file, node.placeholders());
    }

    /** The set of this name, null if there is none. */
    Set<String> set(String name) {
        return sets.get(name);
    }

    Set<String> setNames() {
        return sets.keySet();
    }

    /** The lookup table of this name (lower-case keys), null if there is none. */
    Map<String, String> lookup(String name) {
        return lookups.get(name);
    }

    Set<String> lookupNames() {
        return lookups.keySet();
    }

    static Set<String> readSetItems(List<YamlNode> items, String what) {
        Set<String> values = new LinkedHashSet<>();
        for (YamlNode item : items) {
            values.add(item.nonEmptyScalar(what).toLowerCase(Locale.ROOT));
        }
        return values;
    }

    static Set<String> splitSet(String text) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(text.split("[\\s,]+"))
                .filter(v -> !v.isBlank())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .forEach(values::add);
        return values;
    }
}
