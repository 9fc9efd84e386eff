package org.liaisonhub.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.LiaisonHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a whole hub of its own, for tests about starting and stopping it. */
public final class HubProcess {

    private HubProcess() {
    }

    /** Starts a hub on the data directory, the MLLP port and any extra {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(Path dataDir, int mllpPort, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.data-dir=" + dataDir,
                "--hub.mllp.host=127.0.0.1",
                "--hub.mllp.port=" + mllpPort,
                "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LiaisonHubApplication.class).run(args.toArray(String[]::new));
    }
}
