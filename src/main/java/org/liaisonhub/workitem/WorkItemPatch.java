package org.liaisonhub.workitem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A JSON merge patch of a work item: {@code status}, {@code assignee} ({@code null} unassigns), {@code note}. Free
 * text is bounded: a longer value is refused, not cut, so that nobody's words are silently lost.
 *
 * @param assigneeGiven whether the patch mentions the assignee at all
 */
public record WorkItemPatch(WorkItemStatus status, boolean assigneeGiven, String assignee, String note) {

    static final int LONGEST_ASSIGNEE = 100;
    static final int LONGEST_NOTE = 2000;
    private static final Set<String> FIELDS = Set.of("status", "assignee", "note");

    public WorkItemPatch {
        bounded("assignee", assignee, LONGEST_ASSIGNEE);
        bounded("note", note, LONGEST_NOTE);
    }

    public static WorkItemPatch from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object with status, assignee and/or note");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("Unknown field '" + name + "'; a work item accepts " + FIELDS);
            }
        }
        return new WorkItemPatch(status(body.get("status")), body.has("assignee"),
                text(body, "assignee"), text(body, "note"));
    }

    private static WorkItemStatus status(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return WorkItemStatus.valueOf(value.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + value.asText() + "'; one of "
                    + Arrays.toString(WorkItemStatus.values()));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static void bounded(String field, String text, int longest) {
        if (text != null && text.length() > longest) {
            throw new IllegalArgumentException(field + " is " + text.length() + " characters long; at most " + longest);
        }
    }
}
