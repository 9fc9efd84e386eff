package org.liaisonhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a hub's garbage collector logged within a stretch of time: at a fixed offered rate, an
 * ACK due during a pause waits for it, so they bound the ACK latency from below.
 */
record GcPauses(int count, double longestMillis, double totalMillis, double seconds) {

    /** A line of {@code -Xlog:gc:file=...:time}, e.g. {@code [2026-...+0000] GC(12) Pause Young (...) 16.9ms}. */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\] GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The JVM option that makes a process write the log this reads. */
    static String logOption(Path log) {
        return "-Xlog:gc:file=" + log + ":time";
    }

    /** The pauses that ended between {@code from} and {@code to}. */
    static GcPauses between(Path log, Instant from, Instant to) {
        int count = 0;
        double longest = 0;
        double total = 0;
        for (String line : lines(log)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.matches()) {
                Instant ended = OffsetDateTime.parse(pause.group(1), LOG_TIME).toInstant();
                if (!ended.isBefore(from) && ended.isBefore(to)) {
                    double millis = Double.parseDouble(pause.group(2));
                    count++;
                    longest = Math.max(longest, millis);
                    total += millis;
                }
            }
        }
        return new GcPauses(count, longest, total, Duration.between(from, to).toMillis() / 1000.0);
    }

    String summary() {
        return String.format(Locale.ROOT, "%d GC pauses, longest %.0f ms, %.0f ms in all (%.1f %% of the time)",
                count, longestMillis, totalMillis, seconds == 0 ? 0 : totalMillis / seconds / 10);
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
