package org.liaisonhub.ingest.hl7;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MSH fields the hub needs before (or instead of) a full parse: who sent it, what it is, how to answer.
 * Read leniently from the text so that even a message HAPI cannot parse is stored and acknowledged properly.
 * Application and facility fields are kept whole (all HD components), as sent.
 */
public record MshHeader(
        String fieldSeparator,
        String encodingCharacters,
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String triggerEvent,
        String controlId,
        String processingId,
        String version,
        String acceptAckType,
        String applicationAckType,
        String characterSet) {

    /** Stands for the header of a message that had none. */
    static final MshHeader NONE = new MshHeader("|", "^~\\&", "", "", "", "", "", "", "", "", "", "", "", "");

    /** Reads the MSH segment at the start of a {@code \r}-separated message, if there is one. */
    public static Optional<MshHeader> read(String text) {
        if (text.length() < 8 || !text.startsWith("MSH")) {
            return Optional.empty();
        }
        char fieldSeparator = text.charAt(3);
        if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
            return Optional.empty();
        }
        int end = text.indexOf('\r');
        String segment = end < 0 ? text : text.substring(0, end);
        // fields[0] is "MSH"; MSH-1 is the separator itself, so MSH-n is fields[n - 1] from MSH-2 on
        String[] fields = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
        String encoding = field(fields, 2);
        String component = encoding.isEmpty() ? "^" : encoding.substring(0, 1);
        return Optional.of(new MshHeader(
                String.valueOf(fieldSeparator),
                encoding,
                field(fields, 3),
                field(fields, 4),
                field(fields, 5),
                field(fields, 6),
                component(field(fields, 9), component, 0),
                component(field(fields, 9), component, 1),
                field(fields, 10),
                component(field(fields, 11), component, 0),
                component(field(fields, 12), component, 0),
                field(fields, 15),
                field(fields, 16),
                component(field(fields, 18), component, 0)));
    }

    private static String field(String[] fields, int mshField) {
        int index = mshField - 1;
        return index < fields.length ? fields[index].trim() : "";
    }

    private static String component(String field, String separator, int index) {
        String[] components = field.split(Pattern.quote(separator), -1);
        return index < components.length ? components[index].trim() : "";
    }

    /** Original acknowledgement mode is used when the sender fills neither MSH-15 nor MSH-16. */
    public boolean enhancedMode() {
        return !acceptAckType.isEmpty() || !applicationAckType.isEmpty();
    }

    /** {@code ADT^A01} style type and event, for logs and errors. */
    public String typeAndEvent() {
        return triggerEvent.isEmpty() ? messageType : messageType + "^" + triggerEvent;
    }
}
