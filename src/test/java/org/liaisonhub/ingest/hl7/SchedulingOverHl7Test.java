package org.liaisonhub.ingest.hl7;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirR4Validator;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.VendorIntegrationTest;

/**
 * Appointments over the real MLLP socket, as a scheduling system (Epic Cadence, IDX...) sends them, with the
 * interpreter agency and the transport broker behind WireMock: what the liaison's list holds and what each vendor
 * receives as an appointment is booked, rescheduled, cancelled or missed. The hospital is in Chicago.
 */
class SchedulingOverHl7Test extends VendorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Test
    void aBookedAppointmentOpensAnInterpreterAndARideThereAndBackThatReachTheirVendors() {
        LocalDateTime start = inTenDays();
        Fixtures patient = send(appointment("S12", start));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(items(patient))
                .extracting(i -> i.get("type").asText() + " " + i.get("status").asText())
                .containsExactlyInAnyOrder("INTERPRETER SENT", "TRANSPORT SENT", "TRANSPORT SENT"));
        JsonNode interpreter = item(patient, "INTERPRETER");
        assertThat(interpreter.get("visitNumber").isNull()).isTrue();
        assertThat(interpreter.at("/details/appointment/start").asText()).isEqualTo(start.toString() + ":00");
        assertThat(interpreter.get("due").asText()).as("a day ahead, in Chicago")
                .isEqualTo(start.minusDays(1).atZone(CHICAGO).toInstant().toString());

        List<LoggedRequest> sent = new ArrayList<>(requests("interpreter", patient));
        sent.addAll(requests("transport", patient));
        assertThat(sent).hasSize(3).allSatisfy(request ->
                assertThat(FhirR4Validator.errors(request.getBodyAsString())).as(request.getBodyAsString()).isEmpty());
        JsonNode toTheClinic = sent.stream().map(r -> read(r.getBodyAsString()))
                .filter(bundle -> bundle.toString().contains("1200 W HARRISON ST")
                        && resource(bundle, "ServiceRequest").at("/occurrenceDateTime").asText()
                        .startsWith(start.minusHours(1).toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no ride picks the patient up at home"));
        assertThat(resource(toTheClinic, "Task").at("/priority").asText()).isEqualTo("routine");
        assertThat(resource(toTheClinic, "Task").at("/restriction/period/end").asText()).isNotEmpty();
    }

    @Test
    void aRescheduleMovesTheItemsAndTheVendorsReceiveTheNewTime() {
        LocalDateTime start = inTenDays();
        Fixtures patient = send(appointment("S12", start));
        await().atMost(PATIENCE).until(() -> requests("interpreter", patient).size() == 1);

        LocalDateTime later = start.plusDays(2).withHour(9);
        send(patient.with("CONTROL_ID", TestIds.controlId()).with("EVENT", "S13").with("START", later.format(HL7)));

        JsonNode interpreter = item(patient, "INTERPRETER");
        assertThat(interpreter.at("/details/appointment/start").asText()).startsWith(later.toString());
        assertThat(StreamSupport.stream(getJson("/api/work-items/" + interpreter.get("id").asLong()).get("history")
                .spliterator(), false).map(h -> h.get("action").asText())).contains("UPDATED");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoggedRequest> toAgency = requests("interpreter", patient);
            assertThat(toAgency).hasSize(2);
            toAgency.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
            JsonNode update = read(toAgency.get(1).getBodyAsString());
            assertThat(resource(update, "Task").at("/identifier/0/value").asText())
                    .as("the same work item, updated").isEqualTo(interpreter.get("id").asText());
            assertThat(resource(update, "ServiceRequest").at("/occurrenceDateTime").asText())
                    .startsWith(later.toString());
        });
        assertThat(items(patient)).as("rescheduled, not doubled").hasSize(3);
    }

    @Test
    void aCancelledAppointmentCancelsItsOwnItemsAtTheVendorsAndNoOtherAppointments() {
        Fixtures patient = send(appointment("S12", inTenDays()));
        String cancelled = patient.get("APPOINTMENT");
        String kept = "A-" + TestIds.controlId();
        send(patient.with("CONTROL_ID", TestIds.controlId()).with("APPOINTMENT", kept));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(items(patient)).hasSize(6)
                .allSatisfy(i -> assertThat(i.get("status").asText()).isEqualTo("SENT")));

        send(patient.with("CONTROL_ID", TestIds.controlId()).with("EVENT", "S15").with("APPOINTMENT", cancelled));

        assertThat(items(patient)).extracting(i -> i.get("key").asText().split("\\|")[0] + " "
                + i.get("status").asText()).containsExactlyInAnyOrder(cancelled + " CANCELLED",
                cancelled + " CANCELLED", cancelled + " CANCELLED", kept + " SENT", kept + " SENT", kept + " SENT");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoggedRequest> cancels = new ArrayList<>(requests("interpreter", patient));
            cancels.addAll(requests("transport", patient));
            assertThat(cancels.stream().map(this::event).filter(e -> e.endsWith("-cancel"))).hasSize(3);
        });
    }

    @Test
    void aPatientWhoDidNotArriveReleasesTheRidesAndTheInterpreter() {
        Fixtures patient = send(appointment("S12", inTenDays()));
        send(patient.with("CONTROL_ID", TestIds.controlId()).with("EVENT", "S26"));

        JsonNode items = getJson("/api/work-items?mrn=" + patient.get("MRN")).get("items");
        assertThat(items).hasSize(3).allSatisfy(i -> assertThat(i.get("status").asText()).isEqualTo("CANCELLED"));
        JsonNode history = getJson("/api/work-items/" + items.get(0).get("id").asLong()).get("history");
        assertThat(StreamSupport.stream(history.spliterator(), false)
                .filter(h -> "STATUS_CHANGED".equals(h.get("action").asText())
                        && "CANCELLED".equals(h.get("toStatus").asText())).map(h -> h.at("/detail/reason").asText()))
                .containsExactly("Patient did not arrive (S26)");
    }

    private static LocalDateTime inTenDays() {
        return LocalDateTime.now(CHICAGO).plusDays(10).withHour(14).withMinute(0).withSecond(0).withNano(0);
    }

    private static Fixtures appointment(String event, LocalDateTime start) {
        return Fixtures.fresh().with("EVENT", event).with("VERSION", "2.5.1")
                .with("APPOINTMENT", "A-" + TestIds.controlId()).with("START", start.format(HL7));
    }

    private Fixtures send(Fixtures appointment) {
        try (MllpTestClient scheduler = mllp()) {
            assertThat(scheduler.send(appointment.hl7("siu-appointment-interpreter-transport")).code())
                    .isEqualTo("AA");
        }
        return appointment;
    }

    private List<JsonNode> items(Fixtures patient) {
        return StreamSupport.stream(getJson("/api/work-items?mrn=" + patient.get("MRN")).get("items").spliterator(),
                false).toList();
    }

    private JsonNode item(Fixtures patient, String type) {
        return items(patient).stream().filter(i -> i.get("type").asText().equals(type)
                && i.get("key").asText().startsWith(patient.get("APPOINTMENT"))).findFirst().orElseThrow();
    }

    private static List<LoggedRequest> requests(String vendor, Fixtures patient) {
        return new ArrayList<>(VENDOR.findAll(postRequestedFor(urlEqualTo("/" + vendor))
                .withRequestBody(containing(patient.get("MRN")))));
    }

    private String event(LoggedRequest request) {
        return read(request.getBodyAsString()).at("/entry/0/resource/eventCoding/code").asText();
    }

    private static JsonNode resource(JsonNode bundle, String type) {
        for (JsonNode entry : bundle.get("entry")) {
            if (entry.at("/resource/resourceType").asText().equals(type)) {
                return entry.get("resource");
            }
        }
        throw new AssertionError("no " + type + " in " + bundle);
    }
}
