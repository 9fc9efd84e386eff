package org.liaisonhub.mapping.model;

import ca.uhn.hl7v2.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HAPI Terser field reference such as {@code PID-3}, {@code PID-3(1)-5}, {@code IN1(2)-49-1} or
 * {@code PV1-3-4-2}: segment, optional segment repetition, field, optional field repetition, component and
 * subcomponent. Repetitions are 0-based and components 1-based, as in Terser. Unlike a plain Terser path, a
 * segment is found wherever it sits in the message's groups, and {@code IN1(2)} is the third IN1 of the message.
 * A path starting with {@code /} is a full Terser path and is handed to Terser as written.
 * Parts not written are null: the path then means the first repetition, the first component.
 */
public record TerserPath(String text, String segment, Integer segmentRepetition, int field, Integer fieldRepetition,
        Integer component, Integer subcomponent) {

    private static final Pattern SEGMENT_SPEC = Pattern.compile(
            "(?<seg>[A-Z][A-Z0-9]{2})(?:\\((?<segRep>\\d+)\\))?-(?<field>\\d+)(?:\\((?<fieldRep>\\d+)\\))?"
                    + "(?:-(?<comp>\\d+)(?:-(?<sub>\\d+))?)?");
    private static final Pattern ABSOLUTE = Pattern.compile(
            "/\\.?(?:[A-Z][A-Z0-9_]*(?:\\(\\d+\\))?/)*(?<spec>[A-Z][A-Z0-9]{2}(?:\\(\\d+\\))?-.+)");

    /** Parses a path, or throws IllegalArgumentException saying what is wrong with it. */
    public static TerserPath parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher absolute = ABSOLUTE.matcher(trimmed);
        return parseSpec(absolute.matches() ? absolute.group("spec") : trimmed, trimmed);
    }

    private static TerserPath parseSpec(String spec, String text) {
        Matcher m = SEGMENT_SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Terser field path (expected e.g. PID-3, "
                    + "PID-3(1)-5, IN1-49-1 or /.INSURANCE(1)/IN1-3)");
        }
        TerserPath path = new TerserPath(text, m.group("seg"), number(m, "segRep"),
                Integer.parseInt(m.group("field")), number(m, "fieldRep"), number(m, "comp"), number(m, "sub"));
        if (path.field < 1 || path.componentNumber() < 1 || path.subcomponentNumber() < 1) {
            throw new IllegalArgumentException("'" + text + "': fields, components and subcomponents count from 1");
        }
        return path;
    }

    private static Integer number(Matcher m, String group) {
        return m.group(group) == null ? null : Integer.valueOf(m.group(group));
    }

    public boolean isAbsolute() {
        return text.startsWith("/");
    }

    /** Whether the path names a whole field (no component), as a repetition selection needs. */
    public boolean isWholeField() {
        return !isAbsolute() && fieldRepetition == null && component == null;
    }

    public int segmentIndex() {
        return segmentRepetition == null ? 0 : segmentRepetition;
    }

    public int repetitionIndex() {
        return fieldRepetition == null ? 0 : fieldRepetition;
    }

    public int componentNumber() {
        return component == null ? 1 : component;
    }

    public int subcomponentNumber() {
        return subcomponent == null ? 1 : subcomponent;
    }

    /** The same field at one repetition and component (to read a chosen repetition of a repeating field). */
    public TerserPath at(int repetition, int componentNumber) {
        return new TerserPath(text, segment, segmentRepetition, field, repetition, componentNumber, null);
    }

    /**
     * Where this path points, for the ERR segment of an acknowledgement: only the parts the path names.
     *
     * @param segmentOccurrence which occurrence of the segment in the message, 0-based
     */
    public Location location(int segmentOccurrence) {
        Location location = new Location()
                .withSegmentName(segment)
                .withSegmentRepetition(segmentOccurrence + 1)
                .withField(field);
        if (fieldRepetition != null) {
            location.withFieldRepetition(fieldRepetition + 1);
        }
        if (component != null) {
            location.withComponent(component);
        }
        if (subcomponent != null) {
            location.withSubcomponent(subcomponent);
        }
        return location;
    }

    @Override
    public String toString() {
        return text;
    }
}
