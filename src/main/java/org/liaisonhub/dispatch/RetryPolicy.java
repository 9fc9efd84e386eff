package org.liaisonhub.dispatch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.liaisonhub.dispatch.VendorSettings.Retry;

/** When to try a vendor again: exponential backoff, or the vendor's own Retry-After within a limit. */
final class RetryPolicy {

    private RetryPolicy() {
    }

    /** The pause after failed attempt number {@code attempt} (1 for the first). */
    static Duration delay(Retry retry, int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : retryAfter;
        }
        double millis = retry.initialBackoff().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempt - 1));
        return millis >= retry.maxBackoff().toMillis() ? retry.maxBackoff() : Duration.ofMillis((long) millis);
    }

    /** A Retry-After header: seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, ZonedDateTime now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
