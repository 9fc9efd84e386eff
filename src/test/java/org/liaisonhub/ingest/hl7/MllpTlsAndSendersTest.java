package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestCertificates;
import org.liaisonhub.support.TestCertificates.ClientCertificate;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;

/** MLLP over TLS, with and without client certificates, and the allow-list of sender addresses. */
class MllpTlsAndSendersTest {

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
    void withClientAuthNeededOnlyASenderWithATrustedCertificateIsServed() throws Exception {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, certificates.mllpOverTls("need"))) {
            Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port,
                    certificates.clientContext(ClientCertificate.TRUSTED))) {
                assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            for (ClientCertificate refused : new ClientCertificate[] {ClientCertificate.NONE, ClientCertificate.UNTRUSTED}) {
                try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port, certificates.clientContext(refused))
                        .timeout(3)) {
                    assertThatThrownBy(() -> ehr.send(Fixtures.fresh().with("VERSION", "2.5.1")
                            .hl7("a01-admit-interpreter"))).as(refused + " certificate").isInstanceOf(Exception.class);
                }
            }
            assertThat(plainTextAnswer(port)).as("plain MLLP to the TLS port").isNull();
            AuditTrail audit = hub.getBean(AuditTrail.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.search("mllp:127.0.0.1",
                    AuditEvent.AUTHENTICATION_FAILED, null, null, null, null, 0, 10).total()).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void withClientAuthWantedASenderWithoutCertificateIsStillServedOverTls() throws Exception {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port, certificates.mllpOverTls("want"))) {
            try (MllpTestClient ehr = new MllpTestClient("127.0.0.1", port,
                    certificates.clientContext(ClientCertificate.NONE))) {
                assertThat(ehr.send(Fixtures.fresh().with("VERSION", "2.5.1").hl7("a01-admit-interpreter")).code())
                        .isEqualTo("AA");
            }
        }
    }

    @Test
    void aSenderOutsideTheAllowListIsDisconnectedAndRecorded() throws Exception {
        int port = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port,
                "--hub.mllp.allowed-senders=10.0.0.0/8,2001:db8::/32")) {
            assertThat(plainTextAnswer(port)).isNull();
            AuditTrail audit = hub.getBean(AuditTrail.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.search("mllp:127.0.0.1",
                    AuditEvent.CONNECTION_REFUSED, null, null, null, null, 0, 10).total()).isEqualTo(1));
        }
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, port,
                "--hub.mllp.allowed-senders=10.0.0.0/8,127.0.0.0/8")) {
            assertThat(plainTextAnswer(port)).as("loopback allowed now").contains("MSA|AA|");
        }
    }

    /** Sends one admission in plain MLLP; returns the answer, or null if the hub closed the connection instead. */
    private static String plainTextAnswer(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String message = Fixtures.fresh().with("VERSION", "2.5.1").hl7("a01-admit-interpreter");
            socket.getOutputStream().write(('\u000b' + message + "\u001c\r").getBytes());
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != 0x1c) {
                answer.append((char) b);
            }
            return b == -1 ? null : answer.toString();
        } catch (java.net.SocketException reset) {
            return null;
        }
    }
}
