package org.liaisonhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.LiaisonHubApplication;

/** A hub in a JVM of its own, so that a test can kill it as a crash would: no shutdown, no last commit. */
public final class HubJvm implements AutoCloseable {

    private final Process process;
    private final int httpPort;

    private HubJvm(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts the hub with the test's class path and waits until its health endpoint answers. */
    public static HubJvm start(Path log, List<String> arguments, int httpPort, Duration patience) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), LiaisonHubApplication.class.getName()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            HubJvm hub = new HubJvm(process, httpPort);
            hub.awaitHealthy(patience, log);
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration patience, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .build();
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The hub exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException notHealthy) {
            close();
            throw notHealthy;
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** Kills the JVM at once (SIGKILL): nothing of the hub runs after this. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
