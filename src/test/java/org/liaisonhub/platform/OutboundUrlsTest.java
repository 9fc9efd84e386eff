package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.security.HubSecurityProperties;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;

/** Patient data and credentials leave the hub over https, or over plain http only to this machine or where allowed. */
class OutboundUrlsTest {

    private final OutboundUrls urls = new OutboundUrls(new HubSecurityProperties(null, null,
            List.of("http://vendor-simulator:8080/")));

    @Test
    void httpsAndThisMachineAndListedUrlsAreTakenAndOtherPlainUrlsAreNot() {
        assertThatCode(() -> urls.check("a", URI.create("https://transport.example.org/requests")))
                .doesNotThrowAnyException();
        assertThatCode(() -> urls.check("a", URI.create("http://127.0.0.1:9090/requests")))
                .doesNotThrowAnyException();
        assertThatCode(() -> urls.check("a", URI.create("http://vendor-simulator:8080/transport")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> urls.check("hub.vendors.transport.url",
                URI.create("http://transport.example.org/requests")))
                .hasMessageContaining("hub.vendors.transport.url must be an https URL");
        assertThatThrownBy(() -> urls.check("a", URI.create("http://vendor-simulator:8080.evil.example/")))
                .as("a prefix is matched as written, host and port included").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHubWithAPlainVendorUrlDoesNotStart(@TempDir Path dataDir) {
        assertThatThrownBy(() -> HubProcess.start(dataDir, TestIds.freePort(),
                "--hub.vendors.transport.url=http://transport.example.org/requests").close())
                .rootCause().hasMessageContaining("hub.vendors.transport.url must be an https URL");
    }
}
