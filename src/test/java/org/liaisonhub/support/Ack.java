package org.liaisonhub.support;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/** An acknowledgement as the sender sees it, read with HAPI's Terser in the layout of its version. */
public record Ack(Message message) {

    public String code() {
        return get("/MSA-1");
    }

    /** MSA-2: the control id of the message this acknowledges. */
    public String acknowledgedControlId() {
        return get("/MSA-2");
    }

    public String version() {
        return get("/MSH-12");
    }

    public String controlId() {
        return get("/MSH-10");
    }

    public String get(String path) {
        try {
            return new Terser(message).get(path);
        } catch (HL7Exception e) {
            return null;
        }
    }

    private boolean errLayoutBefore25() {
        return version().compareTo("2.5") < 0;
    }

    /** The HL7 table 0357 code: ERR-3.1 from v2.5, ERR-1.4.1 before. */
    public String errorCode() {
        return errLayoutBefore25() ? get("/ERR-1-4-1") : get("/ERR-3-1");
    }

    /** The error location as segment^sequence^field[^rep^component]: ERR-2 from v2.5, ERR-1 before. */
    public String errorLocation() {
        if (errLayoutBefore25()) {
            return join(get("/ERR-1-1"), get("/ERR-1-2"), get("/ERR-1-3"));
        }
        return join(get("/ERR-2-1"), get("/ERR-2-2"), get("/ERR-2-3"), get("/ERR-2-4"), get("/ERR-2-5"));
    }

    /** The error text: ERR-3.9 from v2.5, ERR-1.4.5 before. */
    public String errorText() {
        return errLayoutBefore25() ? get("/ERR-1-4-5") : get("/ERR-3-9");
    }

    private static String join(String... parts) {
        int last = parts.length - 1;
        while (last >= 0 && (parts[last] == null || parts[last].isEmpty())) {
            last--;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            joined.append(i == 0 ? "" : "^").append(parts[i] == null ? "" : parts[i]);
        }
        return joined.toString();
    }
}
