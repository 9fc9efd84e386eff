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
        hubAt(registry, DATA_DIR, MLLP_PORT);
        apiKeys(registry);
        registry.add("hub.mllp.max-message-size", () -> MAX_MESSAGE_SIZE);
    }

    @Override
    protected int mllpPort() {
        return MLLP_PORT;
    }
}
