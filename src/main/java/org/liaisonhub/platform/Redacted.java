package org.liaisonhub.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A record's text with its secrets masked: what a settings record's {@code toString()} returns, so that one printed
 * by a log line, an exception or a debugger never shows a key, a password or a token.
 */
public final class Redacted {

    private Redacted() {
    }

    /** {@code Name[field=value, secret=****, ...]}: each of {@code secrets} shows only whether it is set. */
    public static String toString(Record record, String... secrets) {
        Set<String> masked = Set.of(secrets);
        StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = value(record, component);
            boolean hidden = masked.contains(component.getName());
            text.add(component.getName() + "=" + (!hidden ? value : value == null || "".equals(value) ? "(none)"
                    : "****"));
        }
        return text.toString();
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a settings record", e);
        }
    }
}
