package org.liaisonhub.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers unique to one test run, so tests sharing a hub never see each other's data. */
public final class TestIds {

    private TestIds() {
    }

    public static String mrn() {
        return "M" + random(9);
    }

    public static String visit() {
        return "V" + random(9);
    }

    public static String controlId() {
        return "T" + random(15);
    }

    /**
     * A port nothing listens on, for a test hub's listener. Taken below Linux's ephemeral range (32768-60999): a
     * port the system hands out there can become the local end of some outgoing connection (a browser's, a
     * driver's, a database client's) between this choice and the hub's bind, which then fails.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }

    private static String random(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length).toUpperCase();
    }
}
