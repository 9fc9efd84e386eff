package org.liaisonhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * Liaison Hub's benchmarks, against the hub jar started on its embedded defaults on loopback, beside HAPI's own
 * MLLP server as the baseline, with the load driver on the same machine. Run with
 * {@code mvn -B -Pbench verify} (add {@code -Dbench.args=--quick} for a short smoke run); the report goes to
 * target/bench/report.md. Not a test: nothing here runs in {@code mvn verify}.
 */
public final class Benchmarks {

    private static final Path OUT = Path.of("target", "bench");
    private static final int CONNECTIONS = 4;
    /** Warm-up goes on in slices of this many seconds until the JIT compilers have settled. */
    private static final double WARM_UP_SLICE = 15;
    /** Settled: the compilers took less than this share of one core over the last slice. */
    private static final double COMPILER_SETTLED = 0.10;
    private static final double MAX_WARM_UP = 480;
    /** Retention in the footprint run: messages and closed items older than this are purged. */
    private static final String RETAINED = "2m";
    private static final String PURGE_INTERVAL = "30s";

    private final boolean quick;
    /**
     * Only one section: {@code --only=feed} (one ordered feed), {@code --only=vendor-outage} or
     * {@code --only=footprint} (over 1,000,000 messages instead of the full run's 100,000).
     */
    private final String only;
    private final int repeat;
    private final double seconds;
    private final long footprintMessages;
    private final double minWarmUp;
    private final Report report = new Report();
    private final List<Double> startups = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();
    /** Measured on the hub without dispatch, reported with the other fixed-rate figures. */
    private List<Latencies> ackLatencyAt500 = List.of();
    /** The hub's GC pauses during each of those runs. */
    private final List<GcPauses> gcAt500 = new ArrayList<>();
    /** Every hub message is valid ADT: anything but AA/CA is a failure to report. */
    private long notAccepted;

    private Benchmarks(boolean quick, String only) {
        this.quick = quick;
        this.only = only;
        this.repeat = quick ? 1 : 3;
        this.seconds = quick ? 5 : 20;
        this.footprintMessages = quick ? 10_000 : only.equals("footprint") ? 1_000_000 : 100_000;
        this.minWarmUp = quick ? 5 : 60;
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse("");
        Files.createDirectories(OUT);
        if (!Files.exists(Path.of("target", "liaison-hub.jar"))) {
            throw new IllegalStateException("Build the hub first: mvn -B -q -DskipTests package");
        }
        new Benchmarks(quick, only).run();
    }

    private void run() throws IOException {
        report.heading("Liaison Hub benchmark run, " + Instant.now() + (quick ? " (quick run)" : ""));
        report.machine(CONNECTIONS);
        if (only.isEmpty() || only.equals("feed")) {
            oneFeed();
        }
        if (only.isEmpty()) {
            List<Double> baseline = baseline();
            List<Double> withoutDispatch = hubWithoutDispatch();
            try (VendorSink sink = new VendorSink()) {
                dispatching(sink, baseline, withoutDispatch);
            }
        }
        if (only.isEmpty() || only.equals("vendor-outage")) {
            try (VendorSink sink = new VendorSink()) {
                vendorFailures(sink);
            }
        }
        if (only.isEmpty() || only.equals("footprint")) {
            footprint();
        }
        report.section("Warm-up (load until the JIT compilers took less than " + fmt(COMPILER_SETTLED * 100)
                + " % of a core over " + fmt(WARM_UP_SLICE) + " s, at least " + fmt(minWarmUp) + " s)");
        warmUps.forEach(line -> report.line("* " + line));
        report.section("Start-up to ready (java -jar to health UP)");
        report.figure("start-up", "s", startups);
        report.line("");
        report.line("Messages the hub answered with anything but AA/CA in the whole run: " + notAccepted);
        Path file = OUT.resolve("report.md");
        Files.writeString(file, report.toString());
        System.out.println(report);
        System.out.println("Report: " + file.toAbsolutePath());
    }

    /**
     * One ordered feed on one connection (and on {@link OneFeed#MANY}), for the floor, HAPI's MLLP server and the
     * hub with dispatch off and on, each a fresh process warmed up first.
     */
    private void oneFeed() throws IOException {
        report.section("One ordered feed: closed loop on 1 connection and on " + OneFeed.MANY + ", ADT mix (~3 KB)");
        OneFeed feed = new OneFeed(repeat, seconds);
        try (HubUnderTest floor = HubUnderTest.floor(OUT.resolve("floor.log"))) {
            feedOf(feed, "floor: HAPI parse + generateACK on plain sockets", floor, () -> { });
        }
        List<String> modes = List.of("on-receipt", "after-processing");
        for (String acknowledge : modes) {
            try (HubUnderTest hub = HubUnderTest.hub(dataDir(), OUT.resolve("hub-feed-no-dispatch-" + acknowledge
                    + ".log"), List.of("-Xmx1g"), List.of("--hub.mllp.acknowledge=" + acknowledge))) {
                startups.add(hub.startupSeconds());
                feedOf(feed, "Liaison Hub, ACK " + acknowledge + ", dispatch off", hub, () -> { });
            }
        }
        for (String acknowledge : modes) {
            try (VendorSink sink = new VendorSink(); HubUnderTest hub = HubUnderTest.hub(dataDir(),
                    OUT.resolve("hub-feed-" + acknowledge + ".log"), List.of("-Xmx1g"), Stream.concat(
                            Stream.of("--hub.mllp.acknowledge=" + acknowledge), vendors(sink).stream()).toList())) {
                startups.add(hub.startupSeconds());
                // each run starts with every vendor request of the one before delivered
                feedOf(feed, "Liaison Hub, ACK " + acknowledge + ", dispatch on", hub, () -> drain(hub));
            }
        }
        try (HubUnderTest hapi = HubUnderTest.baseline(OUT.resolve("baseline.log"))) {
            feedOf(feed, "HAPI's MLLP server, parse + ACK", hapi, () -> { });
        }
        feed.table().forEach(report::line);
    }

    private void feedOf(OneFeed feed, String name, HubUnderTest server, Runnable settle) {
        MllpLoad load = new MllpLoad(server.mllpPort());
        AdtMix mix = new AdtMix(runId());
        warmUp(name, server, slice -> load.closedLoop(OneFeed.MANY, slice, 0, mix::next, (m, t) -> { }));
        DoubleSupplier backlog = server.isHub() ? () -> backlogWritten(server) : () -> 0;
        backlog.getAsDouble();
        settle.run();
        feed.measure(name, load, mix, backlog, settle);
        notAccepted += load.notAccepted();
    }

    private List<Double> baseline() {
        report.section("MLLP ingest, closed loop, " + CONNECTIONS + " connections, ADT mix (~3 KB)");
        List<Double> rates = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            try (HubUnderTest hapi = HubUnderTest.baseline(OUT.resolve("baseline.log"))) {
                MllpLoad load = new MllpLoad(hapi.mllpPort());
                AdtMix mix = new AdtMix(runId());
                warmUp("baseline, run " + (r + 1), hapi,
                        slice -> load.closedLoop(CONNECTIONS, slice, 0, mix::next, (m, t) -> { }));
                MllpLoad.Result result = load.closedLoop(CONNECTIONS, seconds, 0, mix::next, (m, t) -> { });
                rates.add(result.perSecond());
                latencies.add(result.latencies());
            }
        }
        report.figure("HAPI MLLP server, parse and ACK only (baseline)", "msg/s", rates);
        report.latencies("baseline ACK latency", latencies);
        return rates;
    }

    private List<Double> hubWithoutDispatch() throws IOException {
        List<Double> rates = new ArrayList<>();
        Path gcLog = OUT.resolve("hub-no-dispatch-gc.log");
        try (HubUnderTest hub = HubUnderTest.hub(dataDir(), OUT.resolve("hub-no-dispatch.log"),
                List.of("-Xmx1g", GcPauses.logOption(gcLog)), List.of())) {
            startups.add(hub.startupSeconds());
            MllpLoad load = new MllpLoad(hub.mllpPort());
            AdtMix mix = new AdtMix(runId());
            warmUp("hub, dispatch off", hub,
                    slice -> load.closedLoop(CONNECTIONS, slice, 0, mix::next, (m, t) -> { }));
            for (int r = 0; r < repeat; r++) {
                rates.add(load.closedLoop(CONNECTIONS, seconds, 0, mix::next, (m, t) -> { }).perSecond());
            }
            ackLatencyAt500 = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                Instant from = Instant.now();
                ackLatencyAt500.add(load.openLoop(CONNECTIONS, 500, seconds, mix::next, (m, t) -> { })
                        .latencies());
                // the JVM logs a pause as it ends: the run's last one is in the file by now
                gcAt500.add(GcPauses.between(gcLog, from, Instant.now()));
            }
            notAccepted += load.notAccepted();
        }
        return rates;
    }

    private void dispatching(VendorSink sink, List<Double> baseline, List<Double> withoutDispatch)
            throws IOException {
        Path recording = OUT.resolve("hub.jfr");
        try (HubUnderTest hub = HubUnderTest.hub(dataDir(), OUT.resolve("hub.log"), List.of("-Xmx1g"),
                vendors(sink))) {
            startups.add(hub.startupSeconds());
            MllpLoad load = new MllpLoad(hub.mllpPort());
            AdtMix mix = new AdtMix(runId());
            warmUp("hub, dispatch on", hub,
                    slice -> load.closedLoop(CONNECTIONS, slice, 0, mix::next, (m, t) -> { }));
            drain(hub);
            List<Double> rates = new ArrayList<>();
            List<Latencies> latencies = new ArrayList<>();
            long taken = 0;
            double busy = 0;
            for (int r = 0; r < repeat; r++) {
                MllpLoad.Result result = load.closedLoop(CONNECTIONS, seconds, 0, mix::next, (m, t) -> { });
                rates.add(result.perSecond());
                latencies.add(result.latencies());
                taken += result.messages();
                busy += result.seconds();
            }
            double backlog = drain(hub);
            // profiled in a run of its own: recording slows this hub down too much to measure it at the same time
            hub.jcmd("JFR.start", "name=bench", "settings=profile");
            load.closedLoop(CONNECTIONS, seconds, 0, mix::next, (m, t) -> { });
            hub.jcmd("JFR.dump", "name=bench", "filename=" + recording.toAbsolutePath());
            hub.jcmd("JFR.stop", "name=bench");
            drain(hub);
            report.figure("hub, dispatch off (no vendor configured)", "msg/s", withoutDispatch);
            report.figure("hub, dispatch on (three vendors at a local HTTP sink)", "msg/s", rates);
            report.ratio("hub (dispatch off) / baseline", mean(withoutDispatch) / mean(baseline));
            report.ratio("hub (dispatch on) / baseline", mean(rates) / mean(baseline));
            report.latencies("hub ACK latency, closed loop, dispatch on", latencies);
            report.line("* vendor requests the closed-loop runs left waiting took " + fmt(backlog) + " s to deliver");
            // what the machine does in all: a closed loop takes messages in faster than their requests go out
            report.line("* taken in and delivered (the closed-loop runs' messages over their time and their backlog's):"
                    + " **" + fmt(taken / (busy + backlog)) + " msg/s**");

            report.section("End to end: ADT mix in -> the message's first vendor request at the sink");
            List<Latencies> endToEnd = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                endToEnd.add(endToEnd(load, sink, mix, 200));
                drain(hub);
            }
            report.latencies("end to end at 200 msg/s", endToEnd);
            report.line("");
            report.line("Stepping the offered rate up (" + fmt(seconds) + " s a step, the hub drained between steps)"
                    + " until the end-to-end p99 passes 1 s or a request does not arrive within 30 s:");
            report.line("");
            int sustainable = maxSustainable(hub, load, sink, mix);
            report.line("");
            report.line("Highest sustainable rate: **" + sustainable + " msg/s**");

            report.section("ACK latency at a fixed offered rate (open loop, latency from when each message was due)");
            report.latencies("dispatch off, ACK at 500 msg/s", ackLatencyAt500);
            for (int r = 0; r < gcAt500.size(); r++) {
                report.line("* dispatch off, the hub's GC during run " + (r + 1) + ": " + gcAt500.get(r).summary());
            }
            List<Latencies> at100 = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                at100.add(load.openLoop(CONNECTIONS, 100, seconds, mix::next, (m, t) -> { }).latencies());
                drain(hub);
            }
            report.latencies("dispatch on, ACK at 100 msg/s", at100);

            report.section("FHIR ingest: PUT /fhir/Patient (validated, kept, mapped), 4 clients, closed loop");
            FhirLoad fhir = new FhirLoad(hub, runId());
            warmUp("hub, FHIR ingest", hub, slice -> fhir.run(4, slice));
            List<Double> fhirRates = new ArrayList<>();
            List<Latencies> fhirLatencies = new ArrayList<>();
            long fhirFailures = 0;
            for (int r = 0; r < repeat; r++) {
                MllpLoad.Result result = fhir.run(4, seconds);
                fhirRates.add(result.perSecond());
                fhirLatencies.add(result.latencies());
                fhirFailures += result.notAccepted();
            }
            report.figure("FHIR resources", "resources/s", fhirRates);
            report.latencies("FHIR request latency", fhirLatencies);
            report.line("* requests not answered 200/201: " + fhirFailures);

            List<Latencies> at500 = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                at500.add(load.openLoop(CONNECTIONS, 500, seconds, mix::next, (m, t) -> { }).latencies());
            }
            report.section("ACK latency at 500 msg/s offered with dispatch on (more than the hub takes)");
            report.latencies("dispatch on, ACK at 500 msg/s", at500);
            notAccepted += load.notAccepted();
        }
        JfrTopFrames profile = JfrTopFrames.of(recording);
        report.profile(profile);
    }

    /**
     * A vendor that fails delays only its own requests: end to end by vendor at 200 msg/s with every vendor healthy,
     * then with the interpreter agency answering 503 to every request about every 500th patient (each retried on its
     * schedule, then dead-lettered). Then, on a hub of its own whose insurer has a rate limit, the insurer is down
     * for a while and its backlog drains at that limit when it is back.
     */
    private void vendorFailures(VendorSink sink) throws IOException {
        report.section("A vendor that fails: end to end by vendor (message due -> the patient's first request that"
                + " vendor took)");
        try (HubUnderTest hub = HubUnderTest.hub(dataDir(), OUT.resolve("hub-vendor-failing.log"), List.of("-Xmx1g"),
                vendors(sink))) {
            startups.add(hub.startupSeconds());
            MllpLoad load = new MllpLoad(hub.mllpPort());
            AdtMix mix = new AdtMix(runId());
            warmUp("hub, a vendor failing", hub,
                    slice -> load.closedLoop(CONNECTIONS, slice, 0, mix::next, (m, t) -> { }));
            drain(hub);
            VendorOutages outages = new VendorOutages(load, sink, mix, CONNECTIONS);
            report.line("| offered | vendor | p99, every vendor healthy (runs) | p99, interpreter refusing every"
                    + " 500th patient (runs) | ratio of the means | never arrived, healthy; refusing |");
            report.line("| ---: | --- | ---: | ---: | ---: | ---: |");
            List<String> runs = new ArrayList<>();
            // 200 msg/s as the issue asks; 100 msg/s too, where this 2-core machine has headroom (see "End to end")
            for (int rate : new int[] {100, 200}) {
                List<Map<String, Latencies>> healthy = new ArrayList<>();
                for (int r = 0; r < repeat; r++) {
                    healthy.add(outages.endToEnd(rate, seconds, Map.of()));
                    drain(hub);
                }
                sink.refuse((vendor, mrn) -> vendor.equals("interpreter") && VendorOutages.REFUSED_PATIENT.test(mrn));
                List<Map<String, Latencies>> failing = new ArrayList<>();
                for (int r = 0; r < repeat; r++) {
                    failing.add(outages.endToEnd(rate, seconds, Map.of("interpreter", VendorOutages.REFUSED_PATIENT)));
                }
                sink.refuse((vendor, mrn) -> false);
                drain(hub);
                for (String vendor : VendorOutages.VENDORS) {
                    List<Double> before = healthy.stream().map(run -> run.get(vendor).percentile(99)).toList();
                    List<Double> after = failing.stream().map(run -> run.get(vendor).percentile(99)).toList();
                    report.line(String.format(Locale.ROOT,
                            "| %d msg/s | %s%s | %s ms (%s) | %s ms (%s) | %.2f | %d; %d |", rate, vendor,
                            vendor.equals("interpreter") ? " (the other patients)" : "", fmt(mean(before)),
                            join(before), fmt(mean(after)), join(after), mean(after) / mean(before),
                            missing(healthy, vendor), missing(failing, vendor)));
                }
                healthy.forEach(run -> run.forEach((vendor, latencies) -> runs.add("* " + rate + " msg/s, healthy, "
                        + vendor + ": " + latencies.summary())));
                failing.forEach(run -> run.forEach((vendor, latencies) -> runs.add("* " + rate + " msg/s, interpreter"
                        + " refusing, " + vendor + ": " + latencies.summary())));
            }
            report.line("");
            runs.forEach(report::line);
            notAccepted += load.notAccepted();
        }
        outageDrain(sink);
    }

    private void outageDrain(VendorSink sink) throws IOException {
        int limit = 50;
        double outage = quick ? 10 : 60;
        report.section("An outage's backlog: the insurer down for " + fmt(outage) + " s at 200 msg/s offered, then"
                + " back, drained at its rate limit (" + limit + " requests/s)");
        List<String> settings = new ArrayList<>(vendors(sink));
        settings.add("--hub.vendors.insurance.max-requests-per-second=" + limit);
        try (HubUnderTest hub = HubUnderTest.hub(dataDir(), OUT.resolve("hub-outage.log"), List.of("-Xmx1g"),
                settings)) {
            startups.add(hub.startupSeconds());
            MllpLoad load = new MllpLoad(hub.mllpPort());
            AdtMix mix = new AdtMix(runId());
            warmUp("hub, an insurer's outage", hub,
                    slice -> load.openLoop(CONNECTIONS, 40, slice, mix::next, (m, t) -> { }));
            drain(hub);
            VendorOutages.Drain drained = new VendorOutages(load, sink, mix, CONNECTIONS)
                    .outage("insurance", 200, outage, hub);
            double owedPerSecond = drained.requests() / outage;
            report.line("* requests the insurer was owed when it came back: " + drained.requests() + " ("
                    + fmt(owedPerSecond) + " for each second of the outage)");
            report.line("* its first request taken " + fmt(drained.firstAfter()) + " s after it was back (the circuit"
                    + " lets a probe through every 30 s), the last " + fmt(drained.seconds()) + " s after");
            report.line("* drained at **" + fmt(drained.perSecond()) + " requests/s** (limit " + limit + ")");
            report.line("* a 10-minute outage's backlog at this pace: about **" + fmt(owedPerSecond * 600
                    / drained.perSecond() + drained.firstAfter()) + " s** to drain (extrapolated from this one)");
            notAccepted += load.notAccepted();
        }
    }

    private static long missing(List<Map<String, Latencies>> runs, String vendor) {
        return runs.stream().mapToLong(run -> run.get(vendor).missingCount()).sum();
    }

    private static String join(List<Double> values) {
        return String.join(", ", values.stream().map(Benchmarks::fmt).toList());
    }

    /**
     * Loads the process until its JIT compilers have settled, so that what follows measures compiled code and not
     * the minutes after start-up when the compilers take a core of their own (on two cores, a newly started hub
     * with dispatch runs at half its settled rate for about three minutes). A quick run warms up once, briefly.
     */
    private void warmUp(String name, HubUnderTest process, DoubleConsumer load) {
        long start = System.nanoTime();
        double compiled = process.compilerSeconds();
        while (true) {
            double slice = quick ? minWarmUp : WARM_UP_SLICE;
            load.accept(slice);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double now = process.compilerSeconds();
            boolean settled = quick || now - compiled < COMPILER_SETTLED * slice;
            compiled = now;
            if (settled && elapsed >= minWarmUp || elapsed >= MAX_WARM_UP) {
                warmUps.add(String.format(Locale.ROOT, "%s: %s s of load%s; JIT compilers %s s of CPU since start",
                        name, fmt(elapsed), settled ? "" : " (stopped at the limit, not settled)", fmt(now)));
                return;
            }
        }
    }

    /** Waits until every vendor request has been delivered; how long that took, in seconds. */
    private static double drain(HubUnderTest hub) {
        long start = System.nanoTime();
        long deadline = start + 20L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline && pending(hub) > 0) {
            LockSupport.parkNanos(500_000_000);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until the hub has written the work of every message it acknowledged; returns how long that took. */
    private static double backlogWritten(HubUnderTest hub) {
        long start = System.nanoTime();
        long deadline = start + 20L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline && hub.metric("liaison.inbound.awaiting-work") > 0) {
            LockSupport.parkNanos(20_000_000);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double pending(HubUnderTest hub) {
        return hub.metric("liaison.outbox.pending");
    }

    /**
     * Offers the mix at the rate; the latency from each message being due to its first vendor request arriving. A
     * request that has not arrived 30 s after the last message was sent counts as missing.
     */
    private Latencies endToEnd(MllpLoad load, VendorSink sink, AdtMix mix, double rate) {
        Map<String, Long> due = new ConcurrentHashMap<>();
        load.openLoop(CONNECTIONS, rate, seconds, mix::next, (message, when) -> due.put(message.mrn(), when));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && due.keySet().stream().anyMatch(mrn -> sink.arrivalOf(mrn) == null)) {
            LockSupport.parkNanos(50_000_000);
        }
        Latencies latencies = new Latencies();
        due.forEach((mrn, when) -> {
            Long arrived = sink.arrivalOf(mrn);
            if (arrived == null) {
                latencies.missing();
            } else {
                latencies.add(arrived - when);
            }
        });
        return latencies;
    }

    private int maxSustainable(HubUnderTest hub, MllpLoad load, VendorSink sink, AdtMix mix) {
        int sustained = 0;
        for (int rate : new int[] {25, 50, 75, 100, 150, 200, 300, 400, 600, 800}) {
            Latencies latencies = endToEnd(load, sink, mix, rate);
            drain(hub);
            report.line("* " + rate + " msg/s offered: " + latencies.summary());
            if (latencies.percentile(99) > 1000 || latencies.missingCount() > 0) {
                break;
            }
            sustained = rate;
        }
        return sustained;
    }

    /**
     * Heap after GC, RSS and the data directory's size, every fifth of {@code footprintMessages}, on a fresh hub
     * without vendors (a dispatch backlog would be counted as growth: the end-to-end runs measure it instead). Every
     * visit's work is closed a little later ({@link AdtMix#closingItsWork}) and retention keeps minutes instead of
     * days, so that what the hub keeps is bounded by its purge, as in production over months.
     */
    private void footprint() throws IOException {
        report.section("Footprint over " + footprintMessages + " messages (fresh hub, dispatch off, -Xmx1g, every"
                + " visit's work closed a thousand visits later, retention " + RETAINED + ", purged every "
                + PURGE_INTERVAL + ")");
        Path dataDir = dataDir();
        try (HubUnderTest hub = HubUnderTest.hub(dataDir, OUT.resolve("hub-footprint.log"), List.of("-Xmx1g"),
                List.of("--hub.retention.messages=" + RETAINED, "--hub.retention.errors=" + RETAINED,
                        "--hub.retention.work-items=" + RETAINED, "--hub.retention.interval=" + PURGE_INTERVAL))) {
            startups.add(hub.startupSeconds());
            MllpLoad load = new MllpLoad(hub.mllpPort());
            AdtMix mix = AdtMix.closingItsWork(runId());
            load.closedLoop(CONNECTIONS, 3600, 2_000, mix::next, (m, t) -> { });
            // PostgreSQL keeps up to max_wal_size (1 GB) of WAL whatever it holds: shown apart from the tables
            Path wal = dataDir.resolve("postgres").resolve("pg_wal");
            report.line("| messages after warm-up | heap after GC | RSS | data directory | of which WAL |");
            report.line("| ---: | ---: | ---: | ---: | ---: |");
            report.line("| 0 (2,000 warm-up) | " + mb(hub.heapAfterGc()) + " | " + mb(hub.rss()) + " | "
                    + mb(size(dataDir)) + " | " + mb(size(wal)) + " |");
            Map<String, Long> warm = hub.heapHistogram();
            long step = footprintMessages / 5;
            for (long done = step; done <= footprintMessages; done += step) {
                load.closedLoop(CONNECTIONS, 3600, step, mix::next, (m, t) -> { });
                report.line(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s |", done, mb(hub.heapAfterGc()),
                        mb(hub.rss()), mb(size(dataDir)), mb(size(wal))));
            }
            notAccepted += load.notAccepted();
            report.line("");
            report.line("Live bytes that grew most between the warm point and the end (GC.class_histogram):");
            report.line("");
            Map<String, Long> end = hub.heapHistogram();
            end.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - warm.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> report.line(String.format(Locale.ROOT, "* %s: %+.1f MB", e.getKey(),
                            e.getValue() / 1048576.0)));
        }
    }

    /** Bytes under a directory (a hub's embedded database cluster and broker journal live in its data directory). */
    private static long size(Path directory) {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<String> vendors(VendorSink sink) {
        return List.of("--hub.vendors.insurance.url=" + sink.url("insurance"),
                "--hub.vendors.transport.url=" + sink.url("transport"),
                "--hub.vendors.interpreter.url=" + sink.url("interpreter"));
    }

    private static Path dataDir() throws IOException {
        return Files.createTempDirectory("liaison-hub-bench");
    }

    private static String runId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            id.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return id.toString();
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** The report, as markdown. */
    private static final class Report {

        private final StringBuilder text = new StringBuilder();

        void heading(String heading) {
            text.append("# ").append(heading).append("\n\n");
        }

        void machine(int connections) {
            String cpu = firstLine("/proc/cpuinfo", "model name");
            String memory = firstLine("/proc/meminfo", "MemTotal");
            line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory
                    + "; Java " + System.getProperty("java.version") + "; load driver on the same machine, "
                    + connections + " MLLP connections, loopback.");
            String database = System.getenv("HUB_DB_URL");
            line("Hub: target/liaison-hub.jar on its embedded defaults (persistent embedded Artemis), database "
                    + (database == null || database.isBlank() ? "the embedded PostgreSQL" : database) + ".");
        }

        void section(String title) {
            text.append("\n## ").append(title).append("\n\n");
        }

        void line(String line) {
            text.append(line).append("\n");
        }

        void figure(String name, String unit, List<Double> values) {
            line(String.format(Locale.ROOT, "* %s: **%s %s** (runs: %s)", name, fmt(mean(values)), unit,
                    String.join(", ", values.stream().map(Benchmarks::fmt).toList())));
        }

        void ratio(String name, double ratio) {
            line(String.format(Locale.ROOT, "* %s: **%.2f**", name, ratio));
        }

        void latencies(String name, List<Latencies> runs) {
            for (int r = 0; r < runs.size(); r++) {
                line("* " + name + ", run " + (r + 1) + ": " + runs.get(r).summary());
            }
        }

        void profile(JfrTopFrames profile) {
            section("Where the time goes (JFR execution samples of the hub, a closed-loop run of its own,"
                    + " dispatch on)");
            line("Samples: " + profile.samples() + ". By library (first non-JDK frame of each sample):");
            line("");
            profile.topLibraries(12).forEach((library, count) -> line(String.format(Locale.ROOT, "* %s: %.1f %%",
                    library, 100.0 * count / profile.samples())));
            line("");
            line("Hottest methods (self time):");
            line("");
            profile.topMethods(15).forEach((method, count) -> line(String.format(Locale.ROOT, "* %s: %.1f %%",
                    method, 100.0 * count / profile.samples())));
        }

        private static String firstLine(String file, String key) {
            try {
                return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
