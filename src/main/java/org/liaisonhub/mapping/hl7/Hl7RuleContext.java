package org.liaisonhub.mapping.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Segment;
import java.time.Clock;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;
import org.liaisonhub.mapping.model.TerserPath;

/** What an HL7 v2 rule reads while it is evaluated: the message, and the current segment of a {@code forEach}. */
public record Hl7RuleContext(Hl7MessageView message, Segment current, Clock clock) implements RuleContext {

    String value(TerserPath path) {
        return message.value(path, current);
    }

    /** Where a path points in this message, for an ERR segment. */
    public Location location(TerserPath path) {
        Segment segment = message.segmentFor(path, current);
        return path.location(segment == null ? path.segmentIndex() : message.repetitionOf(segment));
    }

    /** A data type error (HL7 error 102) at the field the value is read from. */
    @Override
    public MappingDataException unusable(Expr value, String problem) {
        TerserPath at = value.anchor();
        return new MappingDataException(ErrorCode.DATA_TYPE_ERROR, at == null ? null : location(at),
                (at == null ? "A value" : at.text()) + " " + problem);
    }
}
