package org.liaisonhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisonhub.ingest.Hl7TextFile;

/**
 * HL7 fixtures from {@code src/test/resources/fixtures/hl7}. Each file opens with comment lines saying what it
 * exercises; {@code ${NAME}} placeholders (MRN, VISIT, CONTROL_ID...) are filled per test so that tests sharing a
 * hub stay apart. A placeholder left unfilled fails the test at once.
 */
public final class Fixtures {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private final Map<String, String> values = new HashMap<>();

    private Fixtures() {
    }

    /** Fresh MRN, visit and control id. */
    public static Fixtures fresh() {
        return new Fixtures().with("MRN", TestIds.mrn()).with("VISIT", TestIds.visit())
                .with("CONTROL_ID", TestIds.controlId());
    }

    public Fixtures with(String name, String value) {
        values.put(name, value);
        return this;
    }

    public String get(String name) {
        return values.get(name);
    }

    /** The single message of a fixture file, segments separated by {@code \r}. */
    public String hl7(String name) {
        List<String> messages = Hl7TextFile.messages(fill(raw(name)));
        if (messages.size() != 1) {
            throw new IllegalStateException(name + " holds " + messages.size() + " messages, expected one");
        }
        return messages.get(0);
    }

    private String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Fixture placeholder ${" + m.group(1) + "} has no value");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return m.appendTail(filled).toString();
    }

    private static String raw(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/hl7/" + name + ".hl7")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture fixtures/hl7/" + name + ".hl7");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
