package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The listener accepts the message types its rule sets handle, no more: a site that removes the scheduling rule set
 * (mappings/siu-liaison.yaml) gets SIU answered AR with error 200, as any type no rule set handles.
 */
class SchedulingNeedsItsRuleSetTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path mappings;

    @Test
    void anSiuMessageWithoutASchedulingRuleSetIsRejectedAsAnUnsupportedType() throws IOException {
        Files.copy(Path.of("mappings/adt-liaison.yaml"), mappings.resolve("adt-liaison.yaml"));
        Files.createDirectories(mappings.resolve("tables"));
        Files.copy(Path.of("mappings/tables/bcp47-language.yaml"), mappings.resolve("tables/bcp47-language.yaml"));
        int port = TestIds.freePort();
        Fixtures appointment = Fixtures.fresh().with("EVENT", "S12").with("VERSION", "2.5.1")
                .with("APPOINTMENT", "A-" + TestIds.controlId()).with("START", "20991215140000");

        Ack ack;
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, "--hub.mappings.dir=" + mappings);
                MllpTestClient ehr = new MllpTestClient("127.0.0.1", port)) {
            ack = ehr.send(appointment.hl7("siu-appointment-interpreter-transport"));
        }

        assertThat(ack.code()).isEqualTo("AR");
        assertThat(ack.errorCode()).isEqualTo("200");
        assertThat(ack.errorLocation()).startsWith("MSH^1^9");
    }
}
