package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due times and priorities as a liaison meets them: on each item through the API, as filters and orders of the work
 * list, and the overdue mark an open item gets once when its due time passes. The fixture admits its patient on
 * 2026-11-27 08:30, so the interpreter (due two hours later) is overdue on any later day.
 */
class OverdueWorkTest extends HubIntegrationTest {

    @Autowired
    OverdueWork overdue;

    @Autowired
    MeterRegistry registry;

    @Test
    void anItemPastItsDueTimeIsMarkedOverdueOnceWithAHistoryEntryAndACount() {
        Fixtures patient = admitted("a01-admit-spanish-two-insurances");
        JsonNode item = interpreterOf(patient);
        assertThat(item.get("due").asText()).as("PV1-44 + 2 h").startsWith("2026-11-27T");
        assertThat(item.get("priority").asText()).isEqualTo("routine");
        assertThat(item.get("overdue").asBoolean()).isFalse();
        double before = overdueCount();

        assertThat(overdue.mark(Instant.now())).isPositive();
        overdue.mark(Instant.now());

        JsonNode marked = getJson("/api/work-items/" + item.get("id").asLong());
        assertThat(marked.get("overdue").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(marked.get("history").spliterator(), false)
                .filter(entry -> entry.get("action").asText().equals("OVERDUE")))
                .as("marked once, however often the check runs").singleElement()
                .satisfies(entry -> assertThat(entry.at("/detail/due").asText()).isEqualTo(item.get("due").asText()));
        assertThat(overdueCount()).isGreaterThan(before);
        assertThat(registry.get("liaison.work-items.overdue.open").gauge().value()).isPositive();
    }

    @Test
    void aNewDueTimeClearsTheMarkAndTheWorkListFiltersAndSortsByDueTimeAndPriority() {
        Fixtures patient = admitted("a01-admit-spanish-two-insurances");
        overdue.mark(Instant.now());
        String mine = "/api/work-items?mrn=" + patient.get("MRN");
        assertThat(getJson(mine + "&overdue=true").get("total").asInt()).as("interpreter and two verifications")
                .isEqualTo(3);
        assertThat(getJson(mine + "&sort=due").get("items").get(0).get("type").asText())
                .as("the interpreter is due first (two hours after admission, insurance after a day)")
                .isEqualTo("INTERPRETER");

        // the admission time corrected to a later one (PV1-44), and the visit now urgent (PV2-25 2)
        String corrected = patient.with("CONTROL_ID", TestIds.controlId()).with("LANGUAGE", "SPA")
                .hl7("a08-update-language").replaceFirst("(\rPV1[^\r]*)\\|20261127083000", "$1|20991127083000")
                .replaceFirst("(\rPV1[^\r]*)", "$1\rPV2" + "|".repeat(25) + "2");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(corrected).code()).isEqualTo("AA");
        }
        JsonNode interpreter = interpreterOf(patient);
        assertThat(interpreter.get("due").asText()).startsWith("2099-11-27T");
        assertThat(interpreter.get("overdue").asBoolean()).as("a new due time clears the mark").isFalse();
        assertThat(interpreter.get("priority").asText()).as("PV2-25 2").isEqualTo("urgent");
        assertThat(getJson(mine + "&overdue=true").get("total").asInt()).isEqualTo(2);
        assertThat(getJson(mine + "&priority=urgent").get("items")).extracting(i -> i.get("type").asText())
                .containsExactly("INTERPRETER");
        assertThat(getJson(mine + "&sort=priority").get("items").get(0).get("type").asText())
                .isEqualTo("INTERPRETER");
        assertThat(http.getForEntity(mine + "&sort=soonest", String.class).getStatusCode().value()).isEqualTo(400);
    }

    private double overdueCount() {
        Counter counter = registry.find("liaison.work-items.overdue").tag("type", "INTERPRETER").counter();
        return counter == null ? 0 : counter.count();
    }

    private Fixtures admitted(String fixture) {
        Fixtures patient = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7(fixture)).code()).isEqualTo("AA");
        }
        return patient;
    }

    private JsonNode interpreterOf(Fixtures patient) {
        return getJson("/api/work-items?type=INTERPRETER&mrn=" + patient.get("MRN")).get("items").get(0);
    }
}
