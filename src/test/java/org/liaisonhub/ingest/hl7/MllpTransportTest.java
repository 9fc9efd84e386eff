package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;

/** The MLLP listener as senders of every kind use it: versions, separators, sizes, misbehaving peers. */
class MllpTransportTest extends HubIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1"})
    void everySupportedVersionIsProcessedAndAnsweredInItsOwnVersion(String version) {
        Fixtures patient = Fixtures.fresh().with("VERSION", version);
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("a01-admit-interpreter"));
        }
        assertThat(ack.code()).isEqualTo("AA");
        assertThat(ack.version()).isEqualTo(version);
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void segmentsMayBeSeparatedByLfCrLfOrCr(String separator) {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        String message = patient.hl7("a01-admit-interpreter").replace("\r", separator);
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            assertThat(ehr.send(message).code()).isEqualTo("AA");
        }
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
        JsonNode stored = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).get("items").get(0);
        assertThat(getJson("/api/messages/" + stored.get("id").asLong()).get("raw").asText())
                .as("raw text kept as received").isEqualTo(message);
    }

    @Test
    void oneMegabyteMessageIsAcceptedAndProcessed() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        String big = AcknowledgementTest.withNote(patient.hl7("a01-admit-interpreter"), 1024 * 1024);
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(big).code()).isEqualTo("AA");
        }
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
        JsonNode stored = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).get("items").get(0);
        assertThat(stored.get("sizeBytes").asInt()).isGreaterThan(1024 * 1024);
    }

    @Test
    void garbageOnAConnectionIsSkippedAndTheNextMessageOnItIsProcessed() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ehr.writeBytes("GET / HTTP/1.1\r\nHost: scanner\r\n\r\n\u0000\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        assertThat(workItemsOf(patient.get("MRN"))).hasSize(1);
    }

    @Test
    void garbageInsideAFrameIsRejectedAndStoredAndTheListenerCarriesOn() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            Ack rejected = ehr.send("this is not HL7 at all");
            assertThat(rejected.code()).isEqualTo("AR");
            assertThat(rejected.errorCode()).isEqualTo("100");
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        JsonNode rejected = getJson("/api/messages?status=REJECTED&size=500").get("items");
        assertThat(rejected).anyMatch(m -> m.get("errorText").asText().contains("does not start with an MSH"));
    }

    @Test
    void abortedConnectionDoesNotDisturbTheListener() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        MllpTestClient.Raw aborted = mllp().openRaw();
        aborted.writeBytes(new byte[] {0x0b, 'M', 'S', 'H', '|'});
        aborted.close();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
    }

    @Test
    void halfClosedConnectionStillGetsItsAcknowledgement() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            Ack ack = ehr.write(patient.hl7("a01-admit-interpreter")).shutdownOutput().read();
            assertThat(ack.code()).isEqualTo("AA");
            assertThat(ack.acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
        }
    }

    @Test
    void messagesSentWithoutWaitingForAcknowledgementsAreAllProcessedAndAnsweredInOrder() {
        List<Fixtures> patients = new ArrayList<>();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
            patients.add(patient);
            burst.append('\u000b').append(patient.hl7("a01-admit-interpreter")).append("\u001c\r");
        }
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ehr.writeBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
            for (Fixtures patient : patients) {
                assertThat(ehr.read().acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
            }
        }
        patients.forEach(p -> assertThat(workItemsOf(p.get("MRN"))).hasSize(1));
    }

    @Test
    void senderThatNeverReadsItsAcknowledgementsDoesNotBlockOtherSenders() {
        List<Fixtures> ignored = new ArrayList<>();
        try (MllpTestClient.Raw rude = mllp().openRaw()) {
            for (int i = 0; i < 50; i++) {
                Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                ignored.add(patient);
                rude.write(patient.hl7("a01-admit-interpreter"));
            }
            Fixtures polite = Fixtures.fresh().with("VERSION", "2.5.1");
            try (MllpTestClient ehr = mllp()) {
                assertThat(ehr.send(polite.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
            }
            org.awaitility.Awaitility.await().untilAsserted(() ->
                    assertThat(workItemsOf(ignored.get(ignored.size() - 1).get("MRN"))).hasSize(1));
        }
        ignored.forEach(p -> assertThat(workItemsOf(p.get("MRN"))).as("every message of the rude sender").hasSize(1));
    }

    @Test
    void moreConnectionsAtOnceThanWorkerThreadsAreAllServed() {
        List<MllpTestClient.Raw> connections = new ArrayList<>();
        List<Fixtures> patients = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                connections.add(mllp().openRaw());
            }
            for (MllpTestClient.Raw connection : connections) {
                Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
                patients.add(patient);
                connection.write(patient.hl7("a01-admit-interpreter"));
            }
            for (int i = 0; i < connections.size(); i++) {
                assertThat(connections.get(i).read().acknowledgedControlId())
                        .isEqualTo(patients.get(i).get("CONTROL_ID"));
            }
        } finally {
            connections.forEach(MllpTestClient.Raw::close);
        }
    }
}
