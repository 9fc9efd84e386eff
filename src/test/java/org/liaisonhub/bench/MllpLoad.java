package org.liaisonhub.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Drives an MLLP listener: closed loop (each connection sends its next message once the previous one is
 * acknowledged: the most it can take) or open loop (messages sent at a fixed rate whatever the answers, latency
 * counted from when each message was due, so a stall is not hidden).
 */
final class MllpLoad {


    private final int port;
    private final AtomicLong notAccepted = new AtomicLong();

    MllpLoad(int port) {
        this.port = port;
    }

    /** Messages answered with anything but AA or CA, over every run of this driver. */
    long notAccepted() {
        return notAccepted.get();
    }

    /** What a run came to. */
    record Result(long messages, long notAccepted, double seconds, Latencies latencies) {

        double perSecond() {
            return messages / seconds;
        }
    }

    /**
     * Each connection sends, waits for the ACK, sends the next, for the duration (or until {@code total}).
     * {@code sent} hears of each message acknowledged, with when it was sent.
     */
    Result closedLoop(int connections, double seconds, long total, Supplier<AdtMix.Message> messages,
            BiConsumer<AdtMix.Message, Long> sent) {
        Latencies latencies = new Latencies();
        AtomicLong count = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            threads.add(started(() -> {
                try (Connection connection = new Connection(port)) {
                    while (System.nanoTime() < deadline && (total <= 0 || count.get() < total)) {
                        AdtMix.Message message = messages.get();
                        long t0 = System.nanoTime();
                        connection.write(message.text());
                        String ack = connection.read();
                        latencies.add(System.nanoTime() - t0);
                        count.incrementAndGet();
                        if (!ack.contains("MSA|AA|") && !ack.contains("MSA|CA|")) {
                            refused.incrementAndGet();
                        }
                        sent.accept(message, t0);
                    }
                }
            }));
        }
        threads.forEach(MllpLoad::join);
        notAccepted.addAndGet(refused.get());
        return new Result(count.get(), refused.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    /**
     * Offers {@code rate} messages a second for the duration, spread over the connections, each connection
     * pipelining (not waiting for ACKs before the next is due). {@code sent} hears of each message with when it
     * was due.
     */
    Result openLoop(int connections, double rate, double seconds, Supplier<AdtMix.Message> messages,
            BiConsumer<AdtMix.Message, Long> sent) {
        Latencies latencies = new Latencies();
        AtomicLong refused = new AtomicLong();
        long perConnection = (long) (rate * seconds / connections);
        long period = (long) (1e9 * connections / rate);
        long start = System.nanoTime() + 50_000_000;
        CountDownLatch answered = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long offset = period * c / connections;
            threads.add(started(() -> {
                Map<String, Long> due = new ConcurrentHashMap<>();
                try (Connection connection = new Connection(port)) {
                    Thread reader = started(() -> {
                        for (long i = 0; i < perConnection; i++) {
                            String ack = connection.read();
                            long now = System.nanoTime();
                            Long when = due.remove(acknowledged(ack));
                            if (when != null) {
                                latencies.add(now - when);
                            }
                            if (!ack.contains("MSA|AA|") && !ack.contains("MSA|CA|")) {
                                refused.incrementAndGet();
                            }
                        }
                        answered.countDown();
                    });
                    for (long i = 0; i < perConnection; i++) {
                        long when = start + offset + i * period;
                        long wait = when - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        AdtMix.Message message = messages.get();
                        due.put(message.controlId(), when);
                        connection.write(message.text());
                        sent.accept(message, when);
                    }
                    join(reader);
                }
            }));
        }
        threads.forEach(MllpLoad::join);
        await(answered);
        notAccepted.addAndGet(refused.get());
        return new Result(latencies.count(), refused.get(), seconds, latencies);
    }

    private static String acknowledged(String ack) {
        int msa = ack.indexOf("MSA|");
        if (msa < 0) {
            return "";
        }
        String[] fields = ack.substring(msa, ack.indexOf('\r', msa) < 0 ? ack.length() : ack.indexOf('\r', msa))
                .split("\\|");
        return fields.length > 2 ? fields[2] : "";
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work, "bench-load");
        thread.start();
        return thread;
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Not every message was acknowledged");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One MLLP connection: frames out, frames in. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(int port) {
            try {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(120_000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void write(String message) {
            try {
                out.write(MllpFrames.frame(message));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String read() {
            try {
                String ack = MllpFrames.read(in);
                if (ack == null) {
                    throw new IOException("Connection closed before an acknowledgement");
                }
                return ack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
