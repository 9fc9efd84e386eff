package org.liaisonhub.mapping;

import ca.uhn.hl7v2.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HAPI Terser field reference such as {@code PID-3}, {@code PID-3(1)-5}, {@code IN1(2)-49-1} or
 * {@code PV1-3-4-2}: segment, optional segment repetition, field, optional field repetition, component and
 * subcomponent. Repetitions are 0-based and components 1-based, as in Terser. Unlike a plain Terser path, a
 * segment is found wherever it sits in the message's groups, and {@code IN1(2)} is the third IN1 of the message.
 * A path starting with {@code /} is a full Terser path and is handed to Terser as written.
 */
public record TerserPath(String text, String segment, int segmentRepetition, boolean segmentRepetitionGiven,
        int field, int fieldRepetition, int component, int subcomponent) {

    private static final Pattern SEGMENT_SPEC = Pattern.compile(
            "(?<seg>[A-Z][A-Z0-9]{2})(?:\\((?<segRep>\\d+)\\))?-(?<field>\\d+)(?:\\((?<fieldRep>\\d+)\\))?"
                    + "(?:-(?<comp>\\d+)(?:-(?<sub>\\d+))?)?");
    private static final Pattern ABSOLUTE = Pattern.compile(
            "/\\.?(?:[A-Z][A-Z0-9_]*(?:\\(\\d+\\))?/)*(?<spec>[A-Z][A-Z0-9]{2}(?:\\(\\d+\\))?-.+)");

    /** Parses a path, or throws IllegalArgumentException saying what is wrong with it. */
    public static TerserPath parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher absolute = ABSOLUTE.matcher(trimmed);
        if (absolute.matches()) {
            TerserPath spec = parseSpec(absolute.group("spec"), trimmed);
            return new TerserPath(trimmed, spec.segment, spec.segmentRepetition, spec.segmentRepetitionGiven,
                    spec.field, spec.fieldRepetition, spec.component, spec.subcomponent);
        }
        return parseSpec(trimmed, trimmed);
    }

    private static TerserPath parseSpec(String spec, String text) {
        Matcher m = SEGMENT_SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Terser field path (expected e.g. PID-3, "
                    + "PID-3(1)-5, IN1-49-1 or /.INSURANCE(1)/IN1-3)");
        }
        int field = Integer.parseInt(m.group("field"));
        int component = m.group("comp") == null ? 1 : Integer.parseInt(m.group("comp"));
        int subcomponent = m.group("sub") == null ? 1 : Integer.parseInt(m.group("sub"));
        if (field < 1 || component < 1 || subcomponent < 1) {
            throw new IllegalArgumentException("'" + text + "': fields, components and subcomponents count from 1");
        }
        return new TerserPath(text, m.group("seg"),
                m.group("segRep") == null ? 0 : Integer.parseInt(m.group("segRep")), m.group("segRep") != null,
                field, m.group("fieldRep") == null ? 0 : Integer.parseInt(m.group("fieldRep")),
                component, subcomponent);
    }

    public boolean isAbsolute() {
        return text.startsWith("/");
    }

    /** The same field at another component (used to read one component of a chosen repetition). */
    public TerserPath atRepetition(int repetition, int component) {
        return new TerserPath(text, segment, segmentRepetition, segmentRepetitionGiven, field, repetition, component,
                1);
    }

    /** Where this path points, for the ERR segment of an acknowledgement. */
    public Location location(int segmentRepetition) {
        return new Location()
                .withSegmentName(segment)
                .withSegmentRepetition(segmentRepetition + 1)
                .withField(field)
                .withFieldRepetition(fieldRepetition + 1)
                .withComponent(component)
                .withSubcomponent(subcomponent);
    }

    @Override
    public String toString() {
        return text;
    }
}
