package org.liaisonhub.mapping;

import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Segment;

/** What a rule reads while it is evaluated: the message, and the current segment of a {@code forEach}. */
record RuleContext(Hl7MessageView message, Segment current) {

    String value(TerserPath path) {
        return message.value(path, current);
    }

    /** Where a path points in this message, for an ERR segment. */
    Location location(TerserPath path) {
        Segment segment = message.segmentFor(path, current);
        return path.location(segment == null ? path.segmentIndex() : message.repetitionOf(segment));
    }
}
