package org.liaisonhub.console.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.liaisonhub.dispatch.deadletter.DeadLetter;

/** A dead letter as the pages show it, with its age in words (minutes, hours or days). */
record DeadLetterRow(long id, long workItemId, String vendor, String action, String reason, Integer httpStatus,
        int attempts, String idempotencyKey, Instant createdAt, String age, Instant replayedAt) {

    static DeadLetterRow of(DeadLetter letter, Clock clock) {
        return new DeadLetterRow(letter.id(), letter.workItemId(), letter.vendor(), letter.action(), letter.reason(),
                letter.httpStatus(), letter.attempts(), letter.idempotencyKey(), letter.createdAt(),
                age(Duration.between(letter.createdAt(), clock.instant())), letter.replayedAt());
    }

    public boolean waiting() {
        return replayedAt == null;
    }

    private static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "under a minute";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        return age.toDays() < 1 ? age.toHours() + " h" : age.toDays() + " d";
    }
}
