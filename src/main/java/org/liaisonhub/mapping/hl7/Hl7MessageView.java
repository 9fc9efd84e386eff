package org.liaisonhub.mapping.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.mapping.model.TerserPath;

/**
 * Read access to a parsed HL7 v2 message for mapping rules: every segment by name and order of appearance,
 * whatever group it sits in, and field values by {@link TerserPath}. Absent values read as null, never as "".
 */
public final class Hl7MessageView {

    private final Message message;
    private final Map<String, List<Segment>> segments = new LinkedHashMap<>();

    public Hl7MessageView(Message message) {
        this.message = message;
        try {
            index(message);
        } catch (HL7Exception e) {
            throw new IllegalStateException("Cannot walk the structure of a parsed message", e);
        }
    }

    private void index(Group group) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Segment segment) {
                    if (!segment.isEmpty()) {
                        segments.computeIfAbsent(segment.getName(), n -> new ArrayList<>()).add(segment);
                    }
                } else if (structure instanceof Group child) {
                    index(child);
                }
            }
        }
    }

    /** The segments with this name, in message order. */
    public List<Segment> all(String segmentName) {
        return segments.getOrDefault(segmentName, List.of());
    }

    /** Position of a segment among those with its name, 0-based (for error locations). */
    public int repetitionOf(Segment segment) {
        return Math.max(0, all(segment.getName()).indexOf(segment));
    }

    /** The value at the path; inside a {@code forEach} the current segment stands for its name. */
    public String value(TerserPath path, Segment current) {
        try {
            if (path.isAbsolute()) {
                return clean(new Terser(message).get(path.text()));
            }
            Segment segment = segmentFor(path, current);
            return segment == null ? null : valueIn(segment, path.field(), path.repetitionIndex(),
                    path.componentNumber(), path.subcomponentNumber());
        } catch (HL7Exception notInThisMessage) {
            return null;
        }
    }

    /** Number of repetitions of the field the path names (0 when the segment is absent). */
    public int repetitions(TerserPath path, Segment current) {
        Segment segment = segmentFor(path, current);
        if (segment == null || path.field() > segment.numFields()) {
            return 0;
        }
        try {
            return segment.getField(path.field()).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** The segment a relative path reads, or null; tells which repetition it is through {@link #repetitionOf}. */
    public Segment segmentFor(TerserPath path, Segment current) {
        if (current != null && current.getName().equals(path.segment()) && path.segmentRepetition() == null) {
            return current;
        }
        List<Segment> candidates = all(path.segment());
        return path.segmentIndex() < candidates.size() ? candidates.get(path.segmentIndex()) : null;
    }

    private static String valueIn(Segment segment, int field, int repetition, int component, int subcomponent)
            throws HL7Exception {
        if (field > segment.numFields() || repetition >= segment.getField(field).length) {
            return null;
        }
        return clean(Terser.get(segment, field, repetition, component, subcomponent));
    }

    /** Blank and the HL7 explicit null {@code ""} both mean "no value" to a rule. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || "\"\"".equals(trimmed) ? null : trimmed;
    }

    public String messageType() {
        return mshValue(9, 1);
    }

    public String triggerEvent() {
        return mshValue(9, 2);
    }

    private String mshValue(int field, int component) {
        List<Segment> msh = all("MSH");
        try {
            return msh.isEmpty() ? null : valueIn(msh.get(0), field, 0, component, 1);
        } catch (HL7Exception e) {
            return null;
        }
    }
}
