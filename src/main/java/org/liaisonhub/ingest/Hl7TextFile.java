package org.liaisonhub.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * HL7 v2 messages kept in a text file, as the samples and test fixtures are: one segment per line, a line starting
 * with {@code MSH} begins the next message, lines starting with {@code #} are comments that say what the file is
 * for, blank lines are ignored.
 */
public final class Hl7TextFile {

    private Hl7TextFile() {
    }

    /** The messages of the file, each with its segments joined by {@code \r}. */
    public static List<String> messages(String content) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = null;
        for (String line : content.split("\r\n|\r|\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("MSH") || current == null) {
                if (current != null) {
                    messages.add(current.toString());
                }
                current = new StringBuilder();
            }
            current.append(line).append('\r');
        }
        if (current != null) {
            messages.add(current.toString());
        }
        return messages;
    }
}
