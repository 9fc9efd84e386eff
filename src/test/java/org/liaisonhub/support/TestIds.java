package org.liaisonhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

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

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length).toUpperCase();
    }
}
