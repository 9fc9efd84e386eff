package org.liaisonhub.dispatch.fhir;

import java.util.Map;

/** Reads a work item's details (nested maps of text) by dotted name; absent or blank values read as null. */
record Details(Map<String, Object> values) {

    String text(String dottedName) {
        Object value = values;
        for (String part : dottedName.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    boolean has(String dottedName) {
        return text(dottedName) != null;
    }
}
