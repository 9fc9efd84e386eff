package org.liaisonhub.mapping.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ISO 8601 times rules compute with: what {@code as: dateTime} makes of an HL7 DTM and what FHIR sends. A
 * time with an offset is an instant; one without is read in the rules' zone; a date means its start.
 */
public final class RuleTimes {

    private static final Pattern ISO_DURATION = Pattern.compile("[-+]?P(?:\\d+D)?(?:T[\\d.HMS]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    /** Duration units as HL7 sends them (ISO+ / ANSI+ unit codes in AIS-8, AIG-10...) and in words. */
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)), Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("min", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)), Map.entry("h", Duration.ofHours(1)),
            Map.entry("hr", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)), Map.entry("d", Duration.ofDays(1)),
            Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)),
            Map.entry("wk", Duration.ofDays(7)), Map.entry("week", Duration.ofDays(7)),
            Map.entry("weeks", Duration.ofDays(7)));

    private RuleTimes() {
    }

    /** @throws IllegalArgumentException when the text is not an ISO 8601 date or date-time */
    public static Instant instant(String text, ZoneId zone) {
        Temporal time = parse(text);
        if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (time instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }
        return ((LocalDate) time).atStartOfDay(zone).toInstant();
    }

    /** The time moved by the duration, in the form it was written (with its offset, or local). */
    static String shift(String text, Duration by) {
        Temporal time = parse(text);
        if (time instanceof LocalDate date) {
            time = date.atStartOfDay();
        }
        // with the seconds, as HL7 dates become ISO text and as FHIR wants them, even when they are zero
        return time instanceof OffsetDateTime offset ? offset.plus(by).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : ((LocalDateTime) time).plus(by).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** Whether the text is a duration written as a literal: ISO 8601 ({@code PT1H}) or a number (of a unit). */
    public static boolean isDurationLiteral(String text) {
        return ISO_DURATION.matcher(text.trim()).matches() || NUMBER.matcher(text.trim()).matches();
    }

    /** Whether the text names a duration unit ({@code min}, {@code h}, {@code d}...). */
    public static boolean isUnit(String text) {
        return UNITS.containsKey(text.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * An ISO 8601 duration, or a number of {@code unit}s (minutes when no unit is given).
     *
     * @throws IllegalArgumentException when neither, or the unit is not known
     */
    public static Duration duration(String amount, String unit) {
        String text = amount.trim();
        if (ISO_DURATION.matcher(text).matches()) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("is not a duration ('" + text + "': PT1H, or a number with a unit)");
        }
        Duration each = unit == null ? Duration.ofMinutes(1) : UNITS.get(unit.trim().toLowerCase(Locale.ROOT));
        if (each == null) {
            throw new IllegalArgumentException("has a duration unit '" + unit + "' that is not one of "
                    + new TreeSet<>(UNITS.keySet()));
        }
        return Duration.ofNanos(Math.round(Double.parseDouble(text) * each.toNanos()));
    }

    private static Temporal parse(String text) {
        String value = text.trim();
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value);
            }
            return value.matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? OffsetDateTime.parse(value) : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a date/time ('" + value + "')");
        }
    }
}
