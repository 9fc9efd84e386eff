package org.liaisonhub.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A value worked out at most once per {@code freshFor}, however many ask: what the dashboard's counts need, so that
 * a busy hub is not made to count its store on every refresh of every open dashboard.
 */
public final class RecentValue<T> {

    private final Duration freshFor;
    private final Function<Instant, T> workOut;
    private volatile Snapshot<T> last;

    /** @param workOut the value as of the given moment */
    public RecentValue(Duration freshFor, Function<Instant, T> workOut) {
        this.freshFor = freshFor;
        this.workOut = workOut;
    }

    public T get() {
        Snapshot<T> known = last;
        Instant now = Instant.now();
        if (known == null || known.at().plus(freshFor).isBefore(now)) {
            known = new Snapshot<>(now, workOut.apply(now));
            last = known;
        }
        return known.value();
    }

    private record Snapshot<T>(Instant at, T value) {
    }
}
