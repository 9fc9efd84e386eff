package org.liaisonhub.console.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * An HL7 v2 message laid out for reading: segment by segment, each component tagged with its position
 * ({@code PID-3.1}, {@code PID-3(2).1} for a later repetition, {@code PV1-19} for a field of one component), the
 * separators as they were sent. Read from the raw text as received; nothing is parsed or changed.
 */
final class Hl7Layout {

    /** A run of text: a value at a position, or a separator (position null). */
    record Token(String text, String position) {
    }

    /** One segment: its name and its tokens after the name. */
    record Segment(String name, List<Token> tokens) {
    }

    private Hl7Layout() {
    }

    static List<Segment> of(String raw) {
        List<Segment> segments = new ArrayList<>();
        char field = raw.length() > 3 && raw.startsWith("MSH") ? raw.charAt(3) : '|';
        String encoding = raw.length() > 7 && raw.startsWith("MSH") ? raw.substring(4, 8) : "^~\\&";
        char component = encoding.charAt(0);
        char repetition = encoding.length() > 1 ? encoding.charAt(1) : '~';
        for (String line : raw.split("\r\n|\r|\n")) {
            if (line.length() < 3) {
                continue;
            }
            String name = line.substring(0, 3);
            List<Token> tokens = new ArrayList<>();
            String[] fields = split(line, field);
            for (int i = 1; i < fields.length; i++) {
                tokens.add(new Token(String.valueOf(field), null));
                boolean msh = "MSH".equals(name);
                int number = msh ? i + 1 : i;
                if (msh && i == 1) {
                    tokens.add(new Token(fields[i], "MSH-2"));
                    continue;
                }
                addField(tokens, name + "-" + number, fields[i], component, repetition);
            }
            segments.add(new Segment(name, tokens));
        }
        return segments;
    }

    private static void addField(List<Token> tokens, String position, String value, char component, char repetition) {
        String[] repetitions = split(value, repetition);
        for (int r = 0; r < repetitions.length; r++) {
            if (r > 0) {
                tokens.add(new Token(String.valueOf(repetition), null));
            }
            String[] components = split(repetitions[r], component);
            String at = position + (r > 0 ? "(" + (r + 1) + ")" : "");
            for (int c = 0; c < components.length; c++) {
                if (c > 0) {
                    tokens.add(new Token(String.valueOf(component), null));
                }
                tokens.add(new Token(components[c], components.length == 1 ? at : at + "." + (c + 1)));
            }
        }
    }

    private static String[] split(String text, char separator) {
        return text.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    }
}
