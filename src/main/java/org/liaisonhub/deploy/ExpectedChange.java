package org.liaisonhub.deploy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.liaisonhub.workitem.RehearsedChange;

/**
 * A work-item change a mapping test case expects: an action and a type, and only the fields it names (the MRN,
 * visit, key, due time, priority, reason, and details by dotted name, e.g. {@code pickup.room}).
 */
record ExpectedChange(RehearsedChange.Action action, String type, Map<String, String> fields,
        Map<String, String> details) {

    boolean matches(RehearsedChange actual) {
        if (actual.action() != action || !actual.type().equals(type)) {
            return false;
        }
        Map<String, String> actualFields = fieldsOf(actual);
        boolean fieldsMatch = fields.entrySet().stream()
                .allMatch(f -> Objects.equals(actualFields.get(f.getKey()), f.getValue()));
        Map<String, String> actualDetails = actual.flatDetails();
        return fieldsMatch && details.entrySet().stream()
                .allMatch(d -> Objects.equals(actualDetails.get(d.getKey()), d.getValue()));
    }

    /** As a diff shows it: the action, the type, then the fields and details it names. */
    String describe() {
        return line(action, type, fields, details);
    }

    /** An actual change as a diff shows it, with the same fields an expectation names. */
    static String describe(RehearsedChange actual, ExpectedChange like) {
        Map<String, String> actualFields = fieldsOf(actual);
        Map<String, String> shownFields = new TreeMap<>();
        Map<String, String> shownDetails = new TreeMap<>();
        Map<String, String> actualDetails = actual.flatDetails();
        if (like != null) {
            like.fields().keySet().forEach(name -> shownFields.put(name, actualFields.get(name)));
            like.details().keySet().forEach(name -> shownDetails.put(name, actualDetails.get(name)));
        } else {
            actualFields.forEach((name, value) -> {
                if (value != null && !value.isEmpty()) {
                    shownFields.put(name, value);
                }
            });
        }
        return line(actual.action(), actual.type(), shownFields, shownDetails);
    }

    private static String line(RehearsedChange.Action action, String type, Map<String, String> fields,
            Map<String, String> details) {
        StringBuilder text = new StringBuilder(action.name().toLowerCase(Locale.ROOT)).append(' ').append(type);
        new TreeMap<>(fields).forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        new TreeMap<>(details).forEach((name, value) -> text.append(" details.").append(name).append('=')
                .append(value));
        return text.toString();
    }

    static Map<String, String> fieldsOf(RehearsedChange change) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("mrn", change.mrn());
        fields.put("visit", change.visitNumber());
        fields.put("key", change.key());
        fields.put("due", change.due() == null ? null : change.due().toString());
        fields.put("priority", change.priority().code());
        fields.put("reason", change.reason());
        return fields;
    }
}
