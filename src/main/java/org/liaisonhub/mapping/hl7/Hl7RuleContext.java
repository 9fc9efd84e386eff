package org.liaisonhub.mapping.hl7;

import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Segment;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/** What an HL7 v2 rule reads while it is evaluated: the message, and the current segment of a {@code forEach}. */
public record Hl7RuleContext(Hl7MessageView message, Segment current) implements RuleContext {

    String value(TerserPath path) {
        return message.value(path, current);
    }

    /** Where a path points in this message, for an ERR segment. */
    public Location location(TerserPath path) {
        Segment segment = message.segmentFor(path, current);
        return path.location(segment == null ? path.segmentIndex() : message.repetitionOf(segment));
    }
}
