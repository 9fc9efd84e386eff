package org.liaisonhub.console.workitems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A work item's details, nested groups flattened to dotted names ({@code pickup.room}), in the mapping's order. */
final class DetailLines {

    /** One detail: its name and its value as text. */
    record Line(String name, String value) {
    }

    private DetailLines() {
    }

    static List<Line> of(Map<String, Object> details) {
        List<Line> lines = new ArrayList<>();
        add("", details, lines);
        return lines;
    }

    private static void add(String prefix, Map<String, Object> values, List<Line> lines) {
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> group) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) group;
                add(prefix + name + ".", nested, lines);
            } else if (value != null) {
                lines.add(new Line(prefix + name, String.valueOf(value)));
            }
        });
    }
}
