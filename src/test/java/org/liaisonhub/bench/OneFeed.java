package org.liaisonhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

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

    /**
     * What one server came to. {@code oneWritten}: one connection's messages over the time until their work items
     * were written, which for a hub acknowledging on receipt includes writing its backlog after the run.
     */
    record Row(String server, List<Double> one, List<Latencies> oneLatencies, List<Double> oneWritten,
            List<Double> many) {
    }

    /**
     * Measures a server that is already warmed up. After each run {@code backlog} waits until the work of every
     * message acknowledged is written and says how long that took (0 where an ACK follows the work); then
     * {@code settle} runs.
     */
    Row measure(String server, MllpLoad load, AdtMix mix, DoubleSupplier backlog, Runnable settle) {
        List<Double> one = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Double> written = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            MllpLoad.Result single = load.closedLoop(1, seconds, 0, mix::next, (m, t) -> { });
            one.add(single.perSecond());
            latencies.add(single.latencies());
            written.add(single.perSecond() * seconds / (seconds + backlog.getAsDouble()));
            settle.run();
            many.add(load.closedLoop(MANY, seconds, 0, mix::next, (m, t) -> { }).perSecond());
            backlog.getAsDouble();
            settle.run();
        }
        Row row = new Row(server, one, latencies, written, many);
        rows.add(row);
        // as it comes: a long run that is cut short keeps what it measured
        System.out.println(line(row));
        return row;
    }

    /** The table, every server against the first row (the floor). */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| server | 1 connection, msg/s (runs) | ACK p50 / p99 per run, ms | ratio | work written, msg/s | "
                + MANY + " connections, msg/s (runs) | ratio |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(row -> lines.add(line(row)));
        return lines;
    }

    private String line(Row row) {
        Row floor = rows.get(0);
        return String.format(Locale.ROOT, "| %s | %s (%s) | %s | %.2f | %s | %s (%s) | %.2f |", row.server(),
                Benchmarks.fmt(Benchmarks.mean(row.one())), runs(row.one()), latencies(row.oneLatencies()),
                Benchmarks.mean(row.one()) / Benchmarks.mean(floor.one()),
                Benchmarks.fmt(Benchmarks.mean(row.oneWritten())),
                Benchmarks.fmt(Benchmarks.mean(row.many())), runs(row.many()),
                Benchmarks.mean(row.many()) / Benchmarks.mean(floor.many()));
    }

    private static String runs(List<Double> values) {
        return String.join(", ", values.stream().map(Benchmarks::fmt).toList());
    }

    private static String latencies(List<Latencies> runs) {
        return String.join("; ", runs.stream().map(l -> String.format(Locale.ROOT, "%.2f / %.2f", l.percentile(50),
                l.percentile(99))).toList());
    }
}
