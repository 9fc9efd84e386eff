package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.store.MessageSearch;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestCertificates.ClientCertificate;
import org.liaisonhub.support.TestCertificates;
import org.liaisonhub.support.TestIds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The MLLP listener refuses to run open: plain text on loopback only, certificates bound to the facilities they
 * may send for, and limits on connections that hold.
 */
@ExtendWith(OutputCaptureExtension.class)
class MllpSecureByDefaultTest {

    private static final String KEY = "integration-key-0123456789";

    @TempDir
    Path dataDir;

    @TempDir
    Path pki;

    private TestCertificates certificates;

    @BeforeEach
    void makeCertificates() throws Exception {
        certificates = new TestCertificates(pki);
    }

    @Test
    void aListenerOnTheNetworkWithoutClientCertificatesAndAnAllowListDoesNotStart() {
        assertThatThrownBy(() -> HubProcess.start(dataDir, TestIds.freePort(), "--hub.mllp.host=0.0.0.0").close())
                .as("plain text").rootCause()
                .hasMessageContaining("without TLS client certificates")
                .hasMessageContaining("hub.mllp.insecure-network=true");
        List<String> tlsWithoutAllowList = new ArrayList<>(List.of(certificates.mllpOverTls("need")));
        tlsWithoutAllowList.add("--hub.mllp.host=0.0.0.0");
        assertThatThrownBy(() -> HubProcess.start(dataDir, TestIds.freePort(),
                tlsWithoutAllowList.toArray(String[]::new)).close())
                .as("certificates but no allow-list").rootCause().hasMessageContaining("without a sender allow-list");
        assertThatThrownBy(() -> HubProcess.start(dataDir, TestIds.freePort(),
                "--hub.mllp.senders.epic.certificate=CN=EPIC-PROD", "--hub.mllp.senders.epic.facilities=GENHOSP")
                .close())
                .as("senders without client certificates").rootCause()
                .hasMessageContaining("hub.mllp.tls.client-auth=need");
    }

    @Test
    void aCertificateSendingForAFacilityItDoesNotCoverIsAnsweredArAndTheMessageStored() throws Exception {
        int port = TestIds.freePort();
        List<String> args = new ArrayList<>(List.of(certificates.mllpOverTls("need")));
        args.addAll(List.of("--hub.mllp.senders.epic.certificate=cn=EPIC-PROD, o=General Hospital",
                "--hub.mllp.senders.epic.facilities=GENHOSP", "--hub.security.api-keys.it.key=" + KEY,
                "--hub.security.api-keys.it.roles=INTEGRATION"));
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, args.toArray(String[]::new));
                MllpTestClient ehr = new MllpTestClient("127.0.0.1", port,
                        certificates.clientContext(ClientCertificate.TRUSTED))) {
            assertThat(ehr.send(admission().hl7("a01-admit-interpreter")).code()).isEqualTo("AA");

            Fixtures other = admission();
            Ack ack = ehr.send(other.hl7("a01-admit-interpreter").replace("|GENHOSP|LIAISONHUB|", "|STMARYS|LIAISONHUB|"));
            assertThat(ack.code()).isEqualTo("AR");
            assertThat(ack.errorCode()).isEqualTo("103");
            assertThat(ack.errorLocation()).startsWith("MSH^1^4");
            assertThat(ack.errorText()).contains("epic").contains("STMARYS");
            JsonNode stored = messages(hub, other.get("CONTROL_ID")).get("items").get(0);
            assertThat(stored.get("status").asText()).isEqualTo("REJECTED");
            assertThat(stored.get("sendingFacility").asText()).isEqualTo("STMARYS");
        }
    }

    @Test
    void aTrustedCertificateThatIsNoKnownSenderIsRefusedAndRecorded() throws Exception {
        int port = TestIds.freePort();
        List<String> args = new ArrayList<>(List.of(certificates.mllpOverTls("need")));
        args.addAll(List.of("--hub.mllp.senders.lab.certificate=" + "ab:".repeat(31) + "ab",
                "--hub.mllp.senders.lab.facilities=LAB"));
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, args.toArray(String[]::new));
                MllpTestClient ehr = new MllpTestClient("127.0.0.1", port,
                        certificates.clientContext(ClientCertificate.TRUSTED)).timeout(5)) {
            assertThatThrownBy(() -> ehr.send(admission().hl7("a01-admit-interpreter")))
                    .isInstanceOf(IllegalStateException.class);
            AuditTrail audit = hub.getBean(AuditTrail.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.search("mllp:127.0.0.1",
                    AuditEvent.AUTHENTICATION_FAILED, null, null, null, null, 0, 10).items())
                    .anySatisfy(e -> assertThat(e.detail()).contains("not one of hub.mllp.senders")));
        }
    }

    @Test
    void connectionsBeyondTheLimitsAreClosedAndRecordedAndFreedSlotsAreReused(CapturedOutput output) {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, "--hub.mllp.host=0.0.0.0",
                "--hub.mllp.insecure-network=true", "--hub.mllp.connections.max=3",
                "--hub.mllp.connections.max-per-address=2")) {
            assertThat(output.getOut()).contains("ERROR").contains("INSECURE: The MLLP listener on 0.0.0.0");
            MllpTestClient mllp = new MllpTestClient("127.0.0.1", port);
            // every open connection stays referenced: a socket the garbage collector reclaims closes itself
            List<MllpTestClient.Raw> open = new ArrayList<>();
            try {
                MllpTestClient.Raw first = served(mllp.openRaw());
                open.add(first);
                open.add(served(mllp.openRaw()));
                refused(mllp.openRaw(), "a third from the same address");
                open.add(served(mllp.openRawFrom("127.0.0.2")));
                refused(mllp.openRawFrom("127.0.0.3"), "a fourth in all");

                first.close();
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> open.add(served(mllp.openRawFrom("127.0.0.3"))));
            } finally {
                open.forEach(MllpTestClient.Raw::close);
            }

            AuditTrail audit = hub.getBean(AuditTrail.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.search(null,
                    AuditEvent.CONNECTION_REFUSED, null, null, null, null, 0, 10).items())
                    .extracting(AuditEvent::detail).contains("hub.mllp.connections.max-per-address reached",
                            "hub.mllp.connections.max reached"));
        }
    }

    @Test
    void anIdleConnectionIsClosedAndAFastSenderIsSlowedNotRefused() {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port,
                "--hub.mllp.connections.idle-timeout=1s", "--hub.mllp.connections.max-messages-per-second=10")) {
            MllpTestClient mllp = new MllpTestClient("127.0.0.1", port);
            List<Fixtures> patients = new ArrayList<>();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                Fixtures patient = admission();
                patients.add(patient);
                burst.append('\u000b').append(patient.hl7("a01-admit-interpreter")).append("\u001c\r");
            }
            try (MllpTestClient.Raw ehr = mllp.openRaw()) {
                long start = System.nanoTime();
                ehr.writeBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
                for (Fixtures patient : patients) {
                    assertThat(ehr.read().acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("11 messages at 10 a second")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
                assertThatThrownBy(ehr::read).as("closed once idle").isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void behindATrustedLoadBalancerTheSenderNamedByThePROXYProtocolIsTheOneAllowedLimitedAndStored() {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port,
                "--hub.mllp.trusted-proxies=127.0.0.1/32", "--hub.mllp.allowed-senders=203.0.113.0/24")) {
            MllpTestClient mllp = new MllpTestClient("127.0.0.1", port);
            Fixtures patient = admission();
            try (MllpTestClient.Raw balanced = mllp.openRaw()) {
                balanced.writeBytes(("PROXY TCP4 203.0.113.9 127.0.0.1 40123 " + port + "\r\n").getBytes());
                assertThat(balanced.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            MessageStore store = hub.getBean(MessageStore.class);
            assertThat(store.search(new MessageSearch(null, null, patient.get("CONTROL_ID"), null, null),
                    FacilityScope.ALL, 0, 1).items()).singleElement()
                    .satisfies(m -> assertThat(m.envelope().remoteAddress()).isEqualTo("203.0.113.9:40123"));

            try (MllpTestClient.Raw outsider = mllp.openRaw()) {
                outsider.writeBytes(("PROXY TCP4 198.51.100.7 127.0.0.1 40124 " + port + "\r\n").getBytes());
                refused(outsider, "a sender the balancer names outside the allow-list");
            }
            try (MllpTestClient.Raw untrusted = mllp.openRawFrom("127.0.0.2")) {
                untrusted.writeBytes(("PROXY TCP4 203.0.113.9 127.0.0.1 40125 " + port + "\r\n").getBytes());
                refused(untrusted, "a PROXY header from an address that is no trusted balancer");
            }
            AuditTrail audit = hub.getBean(AuditTrail.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(audit.search("mllp:198.51.100.7", AuditEvent.CONNECTION_REFUSED, null, null, null, null, 0,
                        10).total()).isEqualTo(1);
                assertThat(audit.search("mllp:127.0.0.2", AuditEvent.CONNECTION_REFUSED, null, null, null, null, 0,
                        10).total()).isEqualTo(1);
            });
        }
    }

    private static MllpTestClient.Raw served(MllpTestClient.Raw connection) {
        assertThat(connection.send(admission().hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        return connection;
    }

    private static void refused(MllpTestClient.Raw connection, String which) {
        try (connection) {
            assertThatThrownBy(() -> connection.send(admission().hl7("a01-admit-interpreter"))).as(which)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static Fixtures admission() {
        return Fixtures.fresh().with("VERSION", "2.5.1");
    }

    private static JsonNode messages(ConfigurableApplicationContext hub, String controlId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port")
                        + "/api/messages?controlId=" + controlId)).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }
}
