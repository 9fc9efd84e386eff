package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.callback.CallbackSignature;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.VendorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Vendor callbacks that cannot be replayed, and that bring what the vendor learned: a transport broker's pickup
 * time and trip reference, a payer's eligibility result.
 */
class VendorCallbackTest extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    AuditTrail audit;

    @Test
    void aReplayedCallbackAndAStaleOneAreRefusedAndChangeNothingWhileAFreshOneApplies() {
        long item = sentItem(admitted("a01-admit-interpreter"), "INTERPRETER");
        VendorCallbacks callbacks = new VendorCallbacks(http);
        byte[] accepted = VendorCallbacks.task(item, "accepted").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpHeaders signed = new HttpHeaders();
        signed.set(CallbackSignature.TIMESTAMP, String.valueOf(now));
        signed.set(CallbackSignature.HEADER, CallbackSignature.sign(secret("interpreter"), now, accepted));

        assertThat(callbacks.send("interpreter", accepted, signed).getStatusCode().value()).isEqualTo(200);
        int historyAfterFirst = history(item).size();
        patch("/api/work-items/" + item, "{\"status\": \"COMPLETED\"}");

        assertThat(callbacks.send("interpreter", accepted, signed).getStatusCode().value()).as("replayed")
                .isEqualTo(401);
        assertThat(callbacks.send("interpreter", VendorCallbacks.task(item, "cancelled"), secret("interpreter"),
                Instant.now().minus(Duration.ofMinutes(10))).getBody()).as("stale").contains("more than 300 s");
        assertThat(history(item)).as("nothing recorded for either").hasSize(historyAfterFirst + 1);
        assertThat(getJson("/api/work-items/" + item).get("status").asText()).isEqualTo("COMPLETED");

        assertThat(callbacks.send("interpreter", VendorCallbacks.task(item, "completed"), secret("interpreter"))
                .getStatusCode().value()).as("fresh").isEqualTo(200);
        assertThat(history(item)).hasSize(historyAfterFirst + 2);
    }

    @Test
    void anUnknownVendorIsAnsweredAsAWrongSignatureIsAndAnOversizedCallbackIsNotRead() {
        long item = sentItem(admitted("a01-admit-interpreter"), "INTERPRETER");
        VendorCallbacks callbacks = new VendorCallbacks(http);
        String accepted = VendorCallbacks.task(item, "accepted");

        ResponseEntity<String> unknown = callbacks.send("pharmacy", accepted, secret("interpreter"));
        ResponseEntity<String> wrong = callbacks.send("interpreter", accepted, "a-wrong-secret-of-32-bytes-or-more!");
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getBody()).as("the vendors cannot be told from the answers").isEqualTo(wrong.getBody());

        String forger = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":c";
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Forwarded-For", forger);
        callbacks.send("pharmacy", accepted.getBytes(StandardCharsets.UTF_8), forged);
        assertThat(audit.search(null, AuditEvent.AUTHENTICATION_FAILED, null, null, null, null, 0, 50).items())
                .as("a failed callback counts as a failed authentication of its address")
                .anySatisfy(row -> {
                    assertThat(row.remoteAddress()).isEqualTo(forger);
                    assertThat(row.detail()).isEqualTo("vendor callback: wrong signature");
                    assertThat(row.path()).doesNotContain("pharmacy");
                });

        String padded = accepted.replace("\"intent\"", "\"note\": [{\"text\": \"" + "x".repeat(70_000)
                + "\"}], \"intent\"");
        ResponseEntity<String> oversized = callbacks.send("interpreter", padded, secret("interpreter"));
        assertThat(oversized.getStatusCode().value()).isEqualTo(413);
        assertThat(oversized.getBody()).contains("OperationOutcome").contains("at most 65536 bytes");
        assertThat(getJson("/api/work-items/" + item).get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void aTransportBrokersPickupTimeAndTripReferenceLandInTheItemAndItsHistory() {
        Fixtures patient = Fixtures.fresh().with("DISPOSITION", "03").with("DESTINATION", "SUNRISE SNF");
        admit(patient, "a03-discharge");
        long item = sentItem(patient, "TRANSPORT");
        String scheduled = """
                {"resourceType": "Task", "id": "trip-7781",
                 "identifier": [{"system": "https://liaisonhub.org/fhir/NamingSystem/work-item", "value": "%d"}],
                 "status": "accepted", "intent": "order",
                 "output": [
                   {"type": {"coding": [{"code": "pickup-time"}]}, "valueDateTime": "2026-11-30T15:30:00-06:00"},
                   {"type": {"text": "trip-reference"}, "valueString": "MEDCAB-7781"}]}""".formatted(item);

        assertThat(new VendorCallbacks(http).send("transport", scheduled, secret("transport")).getStatusCode()
                .value()).isEqualTo(200);

        JsonNode now = getJson("/api/work-items/" + item);
        assertThat(now.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(now.at("/vendorReport/pickup-time").asText()).isEqualTo("2026-11-30T15:30:00-06:00");
        assertThat(now.at("/vendorReport/trip-reference").asText()).isEqualTo("MEDCAB-7781");
        assertThat(now.get("history").toString()).contains("MEDCAB-7781");
    }

    @Test
    void aPayersEligibilityResultLandsInTheInsuranceItem() {
        Fixtures patient = admitted("a01-admit-spanish-two-insurances");
        long item = sentItem(patient, "INSURANCE_VERIFICATION");
        String answer = """
                {"resourceType": "Bundle", "type": "message", "entry": [
                  {"resource": {"resourceType": "MessageHeader", "eventUri": "urn:example:eligibility-response",
                                "source": {"endpoint": "urn:example:payer"}}},
                  {"resource": {"resourceType": "Task", "status": "completed", "intent": "order",
                    "identifier": [{"system": "https://liaisonhub.org/fhir/NamingSystem/work-item", "value": "%d"}]}},
                  {"resource": {"resourceType": "CoverageEligibilityResponse", "status": "active",
                    "purpose": ["validation"], "patient": {"display": "patient"}, "created": "2026-11-27",
                    "request": {"display": "request"}, "insurer": {"display": "payer"}, "outcome": "complete",
                    "disposition": "Policy is currently in effect.",
                    "identifier": [{"value": "ELIG-5521"}],
                    "insurance": [{"coverage": {"display": "coverage"}, "inforce": true,
                                   "benefitPeriod": {"start": "2026-01-01", "end": "2026-12-31"}}]}}]}"""
                .formatted(item);

        assertThat(new VendorCallbacks(http).send("insurance", answer, secret("insurance")).getStatusCode()
                .value()).isEqualTo(200);

        JsonNode eligibility = getJson("/api/work-items/" + item).at("/vendorReport/eligibility");
        assertThat(eligibility.get("outcome").asText()).isEqualTo("complete");
        assertThat(eligibility.get("inforce").asBoolean()).isTrue();
        assertThat(eligibility.get("benefitEnd").asText()).isEqualTo("2026-12-31");
        assertThat(eligibility.get("reference").asText()).isEqualTo("ELIG-5521");
        assertThat(getJson("/api/work-items/" + item).get("status").asText()).isEqualTo("COMPLETED");
    }

    private Fixtures admitted(String fixture) {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        admit(patient, fixture);
        return patient;
    }

    private void admit(Fixtures patient, String fixture) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7(fixture)).code()).isEqualTo("AA");
        }
    }

    /** The patient's item of this type, once its vendor has it. */
    private long sentItem(Fixtures patient, String type) {
        await().atMost(PATIENCE).until(() -> itemOf(patient, type) != null
                && "SENT".equals(itemOf(patient, type).get("status").asText()));
        return itemOf(patient, type).get("id").asLong();
    }

    private JsonNode itemOf(Fixtures patient, String type) {
        for (JsonNode item : workItemsOf(patient.get("MRN"))) {
            if (item.get("type").asText().equals(type)) {
                return item;
            }
        }
        return null;
    }

    private JsonNode history(long item) {
        return getJson("/api/work-items/" + item).get("history");
    }
}
