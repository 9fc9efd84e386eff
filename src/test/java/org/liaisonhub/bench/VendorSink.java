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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The vendors, as a local HTTP server that accepts every request and notes when each patient's first arrived. */
final class VendorSink implements AutoCloseable {

    private static final Pattern MRN = Pattern.compile(AdtMix.mrnPattern());

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    VendorSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher mrn = MRN.matcher(body);
            if (mrn.find()) {
                firstArrival.putIfAbsent(mrn.group(), now);
            }
            exchange.getResponseHeaders().add("Location", "/Task/" + requests.incrementAndGet());
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String vendor) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + vendor;
    }

    /** When the first request about this patient arrived (System.nanoTime), or null. */
    Long arrivalOf(String mrn) {
        return firstArrival.get(mrn);
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
