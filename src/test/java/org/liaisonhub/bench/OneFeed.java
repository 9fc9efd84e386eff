package org.liaisonhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline figure: one ordered feed. An EHR sends a feed over one connection and waits for each ACK, so the
 * feed's speed is one over the server's time per message. Measured closed loop on one connection (throughput and
 * ACK latency) and on {@link #MANY} connections, for each server, beside the floor of the same run.
 */
final class OneFeed {

    static final int MANY = 8;

    private final int repeat;
    private final double seconds;
    private final List<Row> rows = new ArrayList<>();

    OneFeed(int repeat, double seconds) {
        this.repeat = repeat;
        this.seconds = seconds;
    }

    /** What one server came to. */
    record Row(String server, List<Double> one, List<Latencies> oneLatencies, List<Double> many) {
    }

    /** Measures a server that is already warmed up; {@code settle} runs after each run. */
    Row measure(String server, MllpLoad load, AdtMix mix, Runnable settle) {
        List<Double> one = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            MllpLoad.Result single = load.closedLoop(1, seconds, 0, mix::next, (m, t) -> { });
            one.add(single.perSecond());
            latencies.add(single.latencies());
            settle.run();
            many.add(load.closedLoop(MANY, seconds, 0, mix::next, (m, t) -> { }).perSecond());
            settle.run();
        }
        Row row = new Row(server, one, latencies, many);
        rows.add(row);
        return row;
    }

    /** The table, every server against the first row (the floor). */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| server | 1 connection, msg/s (runs) | ACK p50 / p99 per run, ms | ratio | " + MANY
                + " connections, msg/s (runs) | ratio |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        Row floor = rows.get(0);
        for (Row row : rows) {
            lines.add(String.format(Locale.ROOT, "| %s | %s (%s) | %s | %.2f | %s (%s) | %.2f |", row.server(),
                    Benchmarks.fmt(Benchmarks.mean(row.one())), runs(row.one()), latencies(row.oneLatencies()),
                    Benchmarks.mean(row.one()) / Benchmarks.mean(floor.one()),
                    Benchmarks.fmt(Benchmarks.mean(row.many())), runs(row.many()),
                    Benchmarks.mean(row.many()) / Benchmarks.mean(floor.many())));
        }
        return lines;
    }

    private static String runs(List<Double> values) {
        return String.join(", ", values.stream().map(Benchmarks::fmt).toList());
    }

    private static String latencies(List<Latencies> runs) {
        return String.join("; ", runs.stream().map(l -> String.format(Locale.ROOT, "%.2f / %.2f", l.percentile(50),
                l.percentile(99))).toList());
    }
}
