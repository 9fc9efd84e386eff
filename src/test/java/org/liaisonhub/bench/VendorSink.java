package org.liaisonhub.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vendors, as a local HTTP server that accepts every request and notes when each patient's first arrived, at
 * any vendor and at each. It can be told to refuse (503) what a predicate of vendor and MRN names: a vendor down,
 * or one that refuses one patient's requests.
 */
final class VendorSink implements AutoCloseable {

    private static final Pattern MRN = Pattern.compile(AdtMix.mrnPattern());

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAtVendor = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> taken = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile BiPredicate<String, String> refused = (vendor, mrn) -> false;

    VendorSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String vendor = exchange.getRequestURI().getPath().substring(1);
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher found = MRN.matcher(body);
            String mrn = found.find() ? found.group() : null;
            if (refused.test(vendor, mrn)) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (mrn != null) {
                firstArrival.putIfAbsent(mrn, now);
                firstAtVendor.putIfAbsent(vendor + "/" + mrn, now);
            }
            taken.computeIfAbsent(vendor, v -> new AtomicLong()).incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/Task/" + requests.incrementAndGet());
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String vendor) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + vendor;
    }

    /** From now on, answers 503 to every request of a vendor and patient the predicate names. */
    void refuse(BiPredicate<String, String> vendorAndMrn) {
        refused = vendorAndMrn;
    }

    /** When the first request about this patient arrived at any vendor (System.nanoTime), or null. */
    Long arrivalOf(String mrn) {
        return firstArrival.get(mrn);
    }

    /** When the first request about this patient that this vendor took arrived, or null. */
    Long arrivalOf(String vendor, String mrn) {
        return firstAtVendor.get(vendor + "/" + mrn);
    }

    /** How many requests this vendor has taken (answered 201). */
    long taken(String vendor) {
        AtomicLong count = taken.get(vendor);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
