package org.liaisonhub.mapping.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 DT / DTM (TS) values to ISO 8601 (the form FHIR uses), keeping the precision that was sent:
 * {@code 20261127} → {@code 2026-11-27}, {@code 202611271030-0500} → {@code 2026-11-27T10:30:00-05:00}.
 * A time without an offset stays a local date-time.
 */
public final class Hl7Dates {

    private static final Pattern DTM = Pattern.compile(
            "(?<y>\\d{4})(?:(?<mo>\\d{2})(?:(?<d>\\d{2})(?:(?<h>\\d{2})(?:(?<mi>\\d{2})(?:(?<s>\\d{2})"
                    + "(?:\\.(?<f>\\d{1,4}))?)?)?)?)?)?(?<z>[+-]\\d{4})?");

    private Hl7Dates() {
    }

    public static String date(String value) {
        Matcher m = matcher(value);
        if (m.group("d") == null) {
            return m.group("mo") == null ? m.group("y") : m.group("y") + "-" + m.group("mo");
        }
        return localDate(m).toString();
    }

    public static String dateTime(String value) {
        Matcher m = matcher(value);
        if (m.group("h") == null) {
            return date(value);
        }
        try {
            int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
            int nanos = m.group("f") == null ? 0 : Integer.parseInt((m.group("f") + "000000000").substring(0, 9));
            LocalDateTime time = localDate(m).atTime(Integer.parseInt(m.group("h")),
                    m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi")), second, nanos);
            String local = time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (m.group("z") == null) {
                return local;
            }
            String z = m.group("z");
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(z.substring(0, 3)),
                    Integer.parseInt(z.charAt(0) + z.substring(3)));
            return local + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date/time: " + e.getMessage());
        }
    }

    private static Matcher matcher(String value) {
        Matcher m = DTM.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS]]]]][+/-ZZZZ])");
        }
        return m;
    }

    private static LocalDate localDate(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")),
                    Integer.parseInt(m.group("d")));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + m.group() + "' is not a calendar date: " + e.getMessage());
        }
    }
}
