package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;

/** What a sending system gets back: the acknowledgement code, its ERR segment, and the stored outcome. */
class AcknowledgementTest extends HubIntegrationTest {

    @Test
    void processedMessageIsAnsweredAaWithoutErrAddressedBackToTheSender() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("a01-admit-interpreter"));
        }
        assertThat(ack.code()).isEqualTo("AA");
        assertThat(ack.acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
        assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
        assertThat(ack.get("/MSH-5-1")).isEqualTo("EPIC");
        assertThat(ack.get("/MSH-5-2")).as("whole HD copied").isEqualTo("1.2.840.114350");
        assertThat(ack.get("/MSH-3")).isEqualTo("LIAISONHUB");
        assertThat(ack.errorCode()).isNull();
        assertThat(stored(patient).get("ackCode").asText()).isEqualTo("AA");
    }

    @Test
    void acknowledgementControlIdsAreUniqueAndFitTwentyCharacters() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            Ack first = ehr.send(patient.hl7("a01-admit-interpreter"));
            Ack second = ehr.send(patient.with("CONTROL_ID", org.liaisonhub.support.TestIds.controlId())
                    .hl7("a01-admit-interpreter"));
            assertThat(first.controlId()).isNotEqualTo(second.controlId());
            assertThat(first.controlId().length()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void missingMrnIsAnsweredAeWithRequiredFieldMissingAtPid3AndStoredAsError() {
        Fixtures patient = Fixtures.fresh();
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("a01-no-mrn"));
        }
        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.errorCode()).isEqualTo("101");
        assertThat(ack.errorLocation()).startsWith("PID^1^3");
        assertThat(ack.get("/ERR-4")).isEqualTo("E");
        JsonNode stored = stored(patient);
        assertThat(stored.get("status").asText()).isEqualTo("ERROR");
        assertThat(stored.get("errorCode").asText()).isEqualTo("101");
        assertThat(stored.get("errorLocation").asText()).startsWith("PID^1^3");
    }

    @Test
    void invalidDateIsAnsweredAeWithDataTypeErrorAndNothingOfTheMessageIsApplied() {
        Fixtures patient = Fixtures.fresh();
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("a01-bad-insurance-date"));
        }
        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.errorCode()).isEqualTo("102");
        assertThat(ack.errorLocation()).startsWith("IN1^1^12");
        assertThat(workItemsOf(patient.get("MRN"))).as("not even the interpreter item").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A21", "A60", "Z99"})
    void anyAdtEventIsAcceptedEvenOneNoRuleWantsOrHapiDoesNotKnow(String event) {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        Ack ack;
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ack = ehr.send(patient.hl7("a01-admit-interpreter").replace("ADT^A01", "ADT^" + event)
                    .replace("EVN|A01", "EVN|" + event));
        }
        assertThat(ack.code()).isEqualTo("AA");
        assertThat(stored(patient).get("status").asText()).isEqualTo("IGNORED");
        assertThat(stored(patient).get("triggerEvent").asText()).isEqualTo(event);
    }

    @Test
    void nonAdtMessageIsRejectedArWithUnsupportedMessageType() {
        Fixtures patient = Fixtures.fresh();
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(patient.hl7("oru-r01-result"));
        }
        assertThat(ack.code()).isEqualTo("AR");
        assertThat(ack.errorCode()).isEqualTo("200");
        assertThat(ack.errorLocation()).startsWith("MSH^1^9");
        assertThat(stored(patient).get("status").asText()).isEqualTo("REJECTED");
        String kept = getJson("/api/messages/" + stored(patient).get("id").asLong()).get("acknowledgement").asText();
        assertThat(kept).as("the acknowledgement kept is the one sent, ERR and all")
                .contains("MSA|AR|" + patient.get("CONTROL_ID")).contains("|" + ack.controlId() + "|")
                .contains("ERR|");
    }

    @Test
    void missingControlIdIsRejectedArWithRequiredFieldMissingAtMsh10() {
        Fixtures patient = Fixtures.fresh();
        Ack ack;
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ack = ehr.send(patient.hl7("a01-no-control-id"));
        }
        assertThat(ack.code()).isEqualTo("AR");
        assertThat(ack.errorCode()).isEqualTo("101");
        assertThat(ack.errorLocation()).startsWith("MSH^1^10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2", "2.9"})
    void unsupportedVersionIsRejectedArWithUnsupportedVersionId(String version) {
        Fixtures patient = Fixtures.fresh().with("VERSION", version);
        Ack ack;
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ack = ehr.send(patient.hl7("a01-admit-interpreter"));
        }
        assertThat(ack.code()).isEqualTo("AR");
        assertThat(ack.errorCode()).isEqualTo("203");
        assertThat(ack.version()).as("answered in the sender's version").isEqualTo(version);
        assertThat(ack.acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
        assertThat(stored(patient).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void errorsOfAVersion23MessageAreReportedInErr1AndMsa3() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.3");
        String noMrn = patient.hl7("a01-admit-interpreter").replace(patient.get("MRN") + "^^^GENHOSP^MR", "");
        Ack ack;
        try (MllpTestClient ehr = mllp()) {
            ack = ehr.send(noMrn);
        }
        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.version()).isEqualTo("2.3");
        assertThat(ack.get("/ERR-1-4-1")).isEqualTo("101");
        assertThat(ack.get("/ERR-1-1")).isEqualTo("PID");
        assertThat(ack.get("/ERR-1-3")).isEqualTo("3");
        assertThat(ack.get("/MSA-3")).isEqualTo("Required field missing");
    }

    @Test
    void oversizedMessageIsRejectedArAndOnlyItsHeaderAndSizeAreStored() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        String big = withNote(patient.hl7("a01-admit-interpreter"), MAX_MESSAGE_SIZE + 1000);
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            Ack ack = ehr.send(big);
            assertThat(ack.code()).isEqualTo("AR");
            assertThat(ack.errorCode()).isEqualTo("207");
            assertThat(ack.errorText()).contains("at most " + MAX_MESSAGE_SIZE);
            assertThat(ack.acknowledgedControlId()).isEqualTo(patient.get("CONTROL_ID"));
            Fixtures next = Fixtures.fresh().with("VERSION", "2.5.1");
            assertThat(ehr.send(next.hl7("a01-admit-interpreter")).code()).as("the connection goes on")
                    .isEqualTo("AA");
        }
        JsonNode stored = stored(patient);
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED");
        assertThat(stored.get("sizeBytes").asInt()).isEqualTo(big.getBytes(StandardCharsets.UTF_8).length);
        assertThat(getJson("/api/messages/" + stored.get("id").asLong()).get("raw").asText())
                .isEqualTo(big.substring(0, big.indexOf('\r')));
        JsonNode reprocessed = read(httpPost("/api/messages/" + stored.get("id").asLong() + "/reprocess").getBody());
        assertThat(reprocessed.get("status").asText()).as("reprocessed, it is still too large").isEqualTo("REJECTED");
    }

    @Test
    void enhancedModeWithApplicationAckAlwaysIsAnsweredAa() {
        assertThat(enhanced("AL", "AL").code()).isEqualTo("AA");
    }

    @Test
    void enhancedModeWithAcceptAckOnlyIsAnsweredWithTheCommitAcknowledgementCa() {
        assertThat(enhanced("AL", "NE").code()).isEqualTo("CA");
    }

    @Test
    void enhancedModeAskingForNoAcknowledgementGetsNoneAndTheNextMessageIsStillAnswered() {
        Fixtures quiet = Fixtures.fresh().with("ACCEPT_ACK", "NE").with("APP_ACK", "NE");
        Fixtures next = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            ehr.write(quiet.hl7("a01-enhanced-mode"));
            Ack ack = ehr.send(next.hl7("a01-admit-interpreter"));
            assertThat(ack.acknowledgedControlId()).as("the first answer is for the second message")
                    .isEqualTo(next.get("CONTROL_ID"));
        }
        JsonNode stored = stored(quiet);
        assertThat(stored.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(stored.get("ackCode").isNull()).isTrue();
    }

    private Ack enhanced(String acceptAck, String applicationAck) {
        Fixtures patient = Fixtures.fresh().with("ACCEPT_ACK", acceptAck).with("APP_ACK", applicationAck);
        try (MllpTestClient.Raw ehr = mllp().openRaw()) {
            return ehr.send(patient.hl7("a01-enhanced-mode"));
        }
    }

    private JsonNode stored(Fixtures patient) {
        JsonNode items = getJson("/api/messages?controlId=" + patient.get("CONTROL_ID")).get("items");
        assertThat(items).as("stored messages with control id " + patient.get("CONTROL_ID")).hasSize(1);
        return items.get(0);
    }

    /** Adds an NTE segment of about the given size to a message. */
    static String withNote(String message, int size) {
        StringBuilder note = new StringBuilder("NTE|1||");
        while (note.length() < size) {
            note.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
        }
        return message + note + "\r";
    }
}
