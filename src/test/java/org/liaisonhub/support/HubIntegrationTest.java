package org.liaisonhub.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub with no vendor configured: work items stay on the liaisons' list ({@link TestServices}). */
public abstract class HubIntegrationTest extends HubTestBase {

    /** Small enough that the oversize test stays quick; the 1 MB test message is well below it. */
    protected static final int MAX_MESSAGE_SIZE = 2 * 1024 * 1024;
    protected static final int MLLP_PORT = TestIds.freePort();
    private static final Path DATA_DIR = tempDir("liaison-hub-test");

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        apiKeys(registry);
        registry.add("hub.mllp.port", () -> MLLP_PORT);
        registry.add("hub.mllp.host", () -> "127.0.0.1");
        registry.add("hub.mllp.max-message-size", () -> MAX_MESSAGE_SIZE);
        TestServices.register(registry, DATA_DIR);
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }
}
