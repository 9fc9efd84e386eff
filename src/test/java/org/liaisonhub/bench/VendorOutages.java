package org.liaisonhub.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Vendors that fail, measured on a hub with dispatch on: end-to-end latency by vendor (message due -> the patient's
 * first request the vendor took), and the drain of a backlog built while a vendor was down.
 */
final class VendorOutages {

    static final List<String> VENDORS = List.of("insurance", "interpreter", "transport");

    /**
     * The patients whose requests the interpreter agency refuses (503) in the runs with a failing vendor: the one of
     * every 500th message of the mix (an admission; 4 to 8 patients in a run of 20 s). More than that and the
     * refused requests' retries come close enough together to open the vendor's circuit, which is then right to
     * stop calling a vendor that fails half of what it gets.
     */
    static final Predicate<String> REFUSED_PATIENT =
            mrn -> Long.parseLong(mrn.substring(mrn.length() - 9)) % 500 == 0;

    /** A drained backlog: how long after the vendor came back its first request and its last were taken. */
    record Drain(long requests, double firstAfter, double seconds) {

        double perSecond() {
            return requests / Math.max(0.001, seconds - firstAfter);
        }
    }

    private final MllpLoad load;
    private final VendorSink sink;
    private final AdtMix mix;
    private final int connections;

    VendorOutages(MllpLoad load, VendorSink sink, AdtMix mix, int connections) {
        this.load = load;
        this.sink = sink;
        this.mix = mix;
        this.connections = connections;
    }

    /**
     * Offers the mix at the rate for the seconds; by vendor, the latency from each message being due to the first of
     * its patient's requests that vendor took, leaving out the patients {@code excluded} names for that vendor. A
     * request that has not arrived 30 s after the last message was sent counts as missing.
     */
    Map<String, Latencies> endToEnd(double rate, double seconds, Map<String, Predicate<String>> excluded) {
        Map<String, Map<String, Long>> due = new ConcurrentHashMap<>();
        VENDORS.forEach(vendor -> due.put(vendor, new ConcurrentHashMap<>()));
        load.openLoop(connections, rate, seconds, mix::next, (message, when) -> {
            for (String vendor : vendorsOf(message)) {
                if (!excluded.getOrDefault(vendor, mrn -> false).test(message.mrn())) {
                    due.get(vendor).put(message.mrn(), when);
                }
            }
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && due.entrySet().stream().anyMatch(vendor -> vendor.getValue().keySet()
                .stream().anyMatch(mrn -> sink.arrivalOf(vendor.getKey(), mrn) == null))) {
            LockSupport.parkNanos(50_000_000);
        }
        Map<String, Latencies> byVendor = new LinkedHashMap<>();
        due.forEach((vendor, patients) -> {
            Latencies latencies = new Latencies();
            patients.forEach((mrn, when) -> {
                Long arrived = sink.arrivalOf(vendor, mrn);
                if (arrived == null) {
                    latencies.missing();
                } else {
                    latencies.add(arrived - when);
                }
            });
            byVendor.put(vendor, latencies);
        });
        return byVendor;
    }

    /**
     * The vendor is down (503 to everything) while the mix is offered at the rate for the seconds; then it comes
     * back and the backlog drains. Waits until it has taken every request its patients were owed.
     */
    Drain outage(String vendor, double rate, double seconds, HubUnderTest hub) {
        sink.refuse((to, mrn) -> to.equals(vendor));
        load.openLoop(connections, rate, seconds, mix::next, (message, when) -> { });
        long before = sink.taken(vendor);
        long back = System.nanoTime();
        sink.refuse((to, mrn) -> false);
        long first = -1;
        long deadline = back + 30L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline && hub.metric("liaison.outbox.pending") > 0) {
            if (first < 0 && sink.taken(vendor) > before) {
                first = System.nanoTime();
            }
            LockSupport.parkNanos(20_000_000);
        }
        long end = System.nanoTime();
        return new Drain(sink.taken(vendor) - before, ((first < 0 ? end : first) - back) / 1e9, (end - back) / 1e9);
    }

    /** The vendors a message of the mix makes requests to. */
    static List<String> vendorsOf(AdtMix.Message message) {
        if (message.text().contains("|ADT^A01")) {
            return List.of("insurance", "interpreter");
        }
        return message.text().contains("|ADT^A08") ? List.of("interpreter") : List.of("transport");
    }
}
