package org.liaisonhub.mapping;

import java.util.HashSet;
import java.util.Set;

/**
 * The segments the HL7 v2 rules read, and the excerpt of a message that holds only those. HAPI builds a typed
 * object for every field of every segment it parses; a real ADT message is mostly segments no rule reads (NK1,
 * OBX, DG1, AL1, GT1), so parsing the excerpt takes about a third of the time of parsing the whole message.
 * The raw message is stored whole either way.
 *
 * <p>Relative paths find a segment by name wherever HAPI places it, so leaving other segments out changes nothing
 * they read. A full Terser path ({@code /.INSURANCE(1)/IN1-3}) names the segment's place in the message structure,
 * which depends on the segments around it: a rule set with one reads the whole message ({@code wholeMessage}).
 *
 * @param names        the segment names read (always MSH)
 * @param wholeMessage whether a full Terser path needs every segment in its place
 */
public record SegmentsRead(Set<String> names, boolean wholeMessage) {

    public SegmentsRead {
        Set<String> withHeader = new HashSet<>(names);
        withHeader.add("MSH");
        names = Set.copyOf(withHeader);
    }

    SegmentsRead and(SegmentsRead other) {
        Set<String> both = new HashSet<>(names);
        both.addAll(other.names);
        return new SegmentsRead(both, wholeMessage || other.wholeMessage);
    }

    /**
     * The message with only the segments read, in their order. A line that does not start with a well-formed
     * segment name is kept, so that the parser still rejects it as it would in the whole message.
     *
     * @param text           the message, segments separated by {@code \r}
     * @param fieldSeparator MSH-1
     */
    public String excerptOf(String text, char fieldSeparator) {
        if (wholeMessage) {
            return text;
        }
        StringBuilder excerpt = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\r', start);
            if (end < 0) {
                end = text.length();
            }
            if (keeps(text, start, end, fieldSeparator)) {
                excerpt.append(text, start, end).append('\r');
            }
            start = end + 1;
        }
        return excerpt.toString();
    }

    /** Runs for every segment of every message: character tests, no pattern. */
    private boolean keeps(String text, int start, int end, char fieldSeparator) {
        boolean namedSegment = end - start >= 3 && (end - start == 3 || text.charAt(start + 3) == fieldSeparator)
                && isUpper(text.charAt(start)) && isUpperOrDigit(text.charAt(start + 1))
                && isUpperOrDigit(text.charAt(start + 2));
        return !namedSegment || names.contains(text.substring(start, start + 3));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isUpperOrDigit(char c) {
        return isUpper(c) || c >= '0' && c <= '9';
    }
}
