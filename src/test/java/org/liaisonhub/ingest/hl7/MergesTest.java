package org.liaisonhub.ingest.hl7;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Ack;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.VendorIntegrationTest;

/**
 * A duplicate registration merged (A40): the same visit was admitted under two MRNs, a Spanish speaker with two
 * insurances under the one merged away and the interpreter alone under the surviving one. After the merge the
 * surviving MRN holds one interpreter and both verifications; the vendors hear of it.
 */
class MergesTest extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aMergeMovesTheItemsToTheSurvivingMrnAndClosesTheDoubledOne() {
        Fixtures merged = Fixtures.fresh();
        send(merged.hl7("a01-admit-spanish-two-insurances"));
        Fixtures surviving = Fixtures.fresh().with("VISIT", merged.get("VISIT")).with("VERSION", "2.5.1");
        send(surviving.hl7("a01-admit-interpreter"));
        long doubled = item(merged.get("MRN"), "INTERPRETER").get("id").asLong();
        long kept = item(surviving.get("MRN"), "INTERPRETER").get("id").asLong();
        await().atMost(PATIENCE).until(() -> statuses(merged.get("MRN")).stream().allMatch("SENT"::equals));

        send(surviving.with("CONTROL_ID", TestIds.controlId()).with("PRIOR_MRN", merged.get("MRN"))
                .hl7("a40-merge"));

        assertThat(types(surviving.get("MRN"))).containsExactlyInAnyOrder("INTERPRETER", "INSURANCE_VERIFICATION",
                "INSURANCE_VERIFICATION");
        assertThat(item(surviving.get("MRN"), "INTERPRETER").get("id").asLong()).isEqualTo(kept);
        JsonNode closed = getJson("/api/work-items/" + doubled);
        assertThat(closed.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(closed.get("mrn").asText()).isEqualTo(merged.get("MRN"));
        assertThat(last(closed, "STATUS_CHANGED").at("/detail/reason").asText()).isEqualTo("merged");
        assertThat(last(getJson("/api/work-items/" + kept), "MERGED").at("/detail/closed").asLong())
                .isEqualTo(doubled);
        JsonNode moved = item(surviving.get("MRN"), "INSURANCE_VERIFICATION");
        assertThat(last(getJson("/api/work-items/" + moved.get("id").asLong()), "MERGED").at("/detail/from")
                .asText()).isEqualTo(merged.get("MRN"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(vendorEvents("interpreter", merged.get("MRN"))).contains("interpreter-cancel");
            assertThat(vendorEvents("insurance", surviving.get("MRN")))
                    .as("the insurer hears of each verification under the surviving MRN")
                    .containsOnly("insurance-verification-request").hasSize(2);
        });
        assertThat(getJson("/api/messages?type=ADT^A01&mrn=" + surviving.get("MRN")).get("total").asInt())
                .as("the merged-away record's admission is found under the surviving MRN").isEqualTo(2);
    }

    @Test
    void aMergeWithoutTheMergedAwayMrnIsAnAeNamingMrg1() {
        Fixtures patient = Fixtures.fresh().with("PRIOR_MRN", "");
        try (MllpTestClient ehr = mllp()) {
            Ack ack = ehr.send(patient.hl7("a40-merge").replaceFirst("\rMRG\\|[^\r]*", "\rMRG|"));
            assertThat(ack.code()).isEqualTo("AE");
            assertThat(ack.errorLocation()).startsWith("MRG^1^1");
        }
    }

    private void send(String message) {
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(message).code()).isEqualTo("AA");
        }
    }

    private JsonNode item(String mrn, String type) {
        return getJson("/api/work-items?type=" + type + "&mrn=" + mrn).at("/items/0");
    }

    private List<String> types(String mrn) {
        List<String> types = new ArrayList<>();
        workItemsOf(mrn).forEach(i -> types.add(i.get("type").asText()));
        return types;
    }

    private List<String> statuses(String mrn) {
        List<String> statuses = new ArrayList<>();
        workItemsOf(mrn).forEach(i -> statuses.add(i.get("status").asText()));
        return statuses;
    }

    private static JsonNode last(JsonNode item, String action) {
        List<JsonNode> entries = StreamSupport.stream(item.get("history").spliterator(), false)
                .filter(h -> h.get("action").asText().equals(action)).toList();
        assertThat(entries).as(action + " in the history").isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    private List<String> vendorEvents(String vendor, String mrn) {
        List<String> events = new ArrayList<>();
        VENDOR.findAll(postRequestedFor(urlEqualTo("/" + vendor)).withRequestBody(containing(mrn))).forEach(r ->
                events.add(read(r.getBodyAsString()).at("/entry/0/resource/eventCoding/code").asText()));
        return events;
    }
}
