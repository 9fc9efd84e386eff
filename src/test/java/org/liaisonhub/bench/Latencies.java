package org.liaisonhub.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one run, in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;
    private int missing;

    /** Something that never came (a request that did not arrive): not a latency, counted apart. */
    synchronized void missing() {
        missing++;
    }

    synchronized int missingCount() {
        return missing;
    }

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The percentile (0-100) in milliseconds; NaN when empty. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }

    double max() {
        return percentile(100);
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d%s)",
                percentile(50), percentile(95), percentile(99), max(), count(),
                missingCount() == 0 ? "" : ", " + missingCount() + " never arrived");
    }
}
