package org.liaisonhub.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.liaisonhub.LiaisonHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a whole hub of its own, for tests about starting and stopping it ({@link TestServices}). */
public final class HubProcess {

    private HubProcess() {
    }

    /** Starts a hub on the data directory, the MLLP port and any extra {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(Path dataDir, int mllpPort, String... extra) {
        return new SpringApplicationBuilder(LiaisonHubApplication.class)
                .run(arguments(dataDir, dataDir, mllpPort, 0, extra).toArray(String[]::new));
    }

    /**
     * Starts a hub on the embedded defaults alone, its own PostgreSQL and broker under the data directory, as
     * {@code java -jar} does: for tests of the embedded database itself.
     */
    public static ConfigurableApplicationContext startOnItsOwn(Path dataDir, int mllpPort, String... extra) {
        return new SpringApplicationBuilder(LiaisonHubApplication.class)
                .run(argumentsOnItsOwn(dataDir, mllpPort, 0, extra).toArray(String[]::new));
    }

    /** The arguments of a hub on the embedded defaults alone ({@link #startOnItsOwn}). */
    public static List<String> argumentsOnItsOwn(Path dataDir, int mllpPort, int httpPort, String... extra) {
        List<String> args = new ArrayList<>(List.of("--hub.data-dir=" + dataDir, "--hub.mllp.port=" + mllpPort,
                "--server.port=" + httpPort, "--hub.mllp.host=127.0.0.1"));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * The arguments of a hub on its own data directory that shares its database and broker with the hubs of
     * {@code services} ({@link TestServices}), as instances of one installation do.
     */
    public static List<String> arguments(Path dataDir, Path services, int mllpPort, int httpPort, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.data-dir=" + dataDir,
                "--hub.mllp.port=" + mllpPort,
                "--server.port=" + httpPort));
        if (Arrays.stream(extra).noneMatch(arg -> arg.startsWith("--hub.mllp.host="))) {
            args.add("--hub.mllp.host=127.0.0.1");
        }
        TestServices.properties(services).forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(extra));
        return args;
    }
}
