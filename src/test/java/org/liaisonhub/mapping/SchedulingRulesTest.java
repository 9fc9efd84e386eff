package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liaisonhub.mapping.RulesUnderTest.parse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;

/**
 * The shipped scheduling rules (mappings/siu-liaison.yaml) on SIU messages of each version, without the hub: which
 * items an appointment asks for, with which times, and what a reschedule, a cancel or a no-show concludes. The
 * hospital is in Chicago (UTC-6 in December); it is 1 December 2026, the appointment on the 15th at 14:00.
 */
class SchedulingRulesTest {

    private static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T15:00:00Z"), ZoneId.of("America/Chicago"));
    private static final Hl7RuleEngine RULES = RulesUnderTest.hl7(Path.of("mappings"), DEC_1);

    @ParameterizedTest(name = "v{0}")
    @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1"})
    void aNewAppointmentAsksForAnInterpreterAndARideThereAndBack(String version) {
        List<WorkChange> changes = evaluate(appointment("S12").with("VERSION", version));

        assertThat(changes).extracting(c -> ((WorkNeeded) c).type() + " " + ((WorkNeeded) c).key())
                .containsExactly("INTERPRETER A-778", "TRANSPORT A-778|to-appointment",
                        "TRANSPORT A-778|from-appointment");
        WorkNeeded interpreter = (WorkNeeded) changes.get(0);
        assertThat(interpreter.visitNumber()).as("an appointment is kept by its id, not a visit").isNull();
        assertThat(interpreter.due()).as("booked a day ahead").isEqualTo(Instant.parse("2026-12-14T20:00:00Z"));
        assertThat(interpreter.details()).containsEntry("language", "SPA").containsEntry("languageCode", "es")
                .containsEntry("pointOfCare", "CARDCLINIC").containsEntry("room", "204")
                .containsEntry("facility", "GENHOSP");
        assertThat(interpreter.details().get("appointment")).isEqualTo(Map.of("id", "A-778",
                "start", "2026-12-15T14:00:00", "end", "2026-12-15T14:45:00", "durationMinutes", "45",
                "type", "Routine", "reason", "Follow-up",
                "provider", Map.of("id", "5678", "family", "CARDIO", "given", "CAROL")));
        assertThat(interpreter.location().unit()).isEqualTo("CARDCLINIC");

        WorkNeeded there = (WorkNeeded) changes.get(1);
        assertThat(there.details()).containsEntry("pickupTime", "2026-12-15T13:00:00")
                .containsEntry("pickup", Map.of("address", Map.of("line", "1200 W HARRISON ST", "line2", "APT 4",
                        "city", "CHICAGO", "state", "IL", "postalCode", "60607")));
        assertThat(there.details().get("destination")).isEqualTo(Map.of("name", "Cardiology Clinic",
                "pointOfCare", "CARDCLINIC", "room", "204", "facility", "GENHOSP"));
        WorkNeeded back = (WorkNeeded) changes.get(2);
        assertThat(back.details()).as("15 minutes after the end").containsEntry("pickupTime", "2026-12-15T15:00:00")
                .containsEntry("pickup", there.details().get("destination"))
                .containsEntry("destination", there.details().get("pickup"));
    }

    @Test
    void aVersion23AppointmentHasItsStartInTheTimingQuantityAndItsDurationInSch9() {
        Fixtures v23 = Fixtures.fresh().with("APPOINTMENT", "A-23").with("START", "202612150900");
        List<WorkChange> changes = evaluate(v23, "siu-s12-v23-timing-quantity");
        assertThat(changes).extracting(c -> ((WorkNeeded) c).type())
                .as("a ride asked for by the appointment type")
                .containsExactly("INTERPRETER", "TRANSPORT", "TRANSPORT");
        WorkNeeded back = (WorkNeeded) changes.get(2);
        assertThat(back.details()).containsEntry("appointment",
                Map.of("id", "A-23", "start", "2026-12-15T09:00:00", "end", "2026-12-15T11:00:00"));
        assertThat(((WorkNeeded) changes.get(0)).details()).containsEntry("languageCode", "vi");
    }

    @Test
    void aRescheduleOrModificationConcludesTheSameWorkAtTheNewTime() {
        for (String event : new String[] {"S13", "S14"}) {
            List<WorkChange> changes = evaluate(appointment(event).with("START", "20261216100000"));
            assertThat(changes).hasSize(3).allSatisfy(c ->
                    assertThat(((WorkNeeded) c).due()).isEqualTo(Instant.parse("2026-12-15T16:00:00Z")));
        }
    }

    @Test
    void aModificationThatNoLongerAsksForTransportCancelsTheAppointmentsRides() {
        Fixtures modified = appointment("S14");
        String withoutVan = modified.hl7("siu-appointment-interpreter-transport")
                .replaceFirst("\rAIG[^\r]*", "");
        List<WorkChange> changes = RULES.evaluate(parse(withoutVan)).changes();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).isInstanceOfSatisfying(WorkNoLongerNeeded.class, done -> {
            assertThat(done.types()).containsExactly("TRANSPORT");
            assertThat(done.key()).isEqualTo("A-778");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"S15", "S17", "S26"})
    void aCancelADeleteOrANoShowCancelsTheAppointmentsItemsOnly(String event) {
        assertThat(evaluate(appointment(event))).singleElement().isInstanceOfSatisfying(WorkNoLongerNeeded.class,
                done -> {
                    assertThat(done.types()).containsExactly("INTERPRETER", "TRANSPORT");
                    assertThat(done.key()).isEqualTo("A-778");
                    assertThat(done.visitNumber()).isNull();
                    assertThat(done.reason()).contains("(" + event + ")");
                });
    }

    @Test
    void aRescheduleNamingAStructureHl7DoesNotDefineStillReachesItsInterpreter() {
        List<WorkChange> changes = evaluate(appointment("S13").with("START", "20261216100000"),
                "siu-s13-undefined-structure");
        assertThat(changes).as("and, asking for no ride, it cancels any ride of the appointment").hasSize(2)
                .last().isInstanceOf(WorkNoLongerNeeded.class);
        assertThat(changes.get(0)).isInstanceOfSatisfying(WorkNeeded.class, interpreter -> {
            assertThat(interpreter.type()).isEqualTo("INTERPRETER");
            assertThat(interpreter.key()).isEqualTo("A-778");
            assertThat(interpreter.details()).containsEntry("pointOfCare", "CLINIC1").containsEntry("room", "203");
            assertThat(((Map<?, ?>) interpreter.details().get("appointment")).get("end"))
                    .isEqualTo("2026-12-16T10:30:00");
        });
    }

    @Test
    void anAppointmentAlreadyPastOpensNothing() {
        assertThat(RULES.evaluate(parse(appointment("S12").with("START", "20261130140000")
                .hl7("siu-appointment-interpreter-transport"))).matched()).isFalse();
    }

    private static Fixtures appointment(String event) {
        return Fixtures.fresh().with("EVENT", event).with("VERSION", "2.5.1").with("APPOINTMENT", "A-778")
                .with("START", "20261215140000");
    }

    private static List<WorkChange> evaluate(Fixtures appointment) {
        return evaluate(appointment, "siu-appointment-interpreter-transport");
    }

    private static List<WorkChange> evaluate(Fixtures appointment, String fixture) {
        return RULES.evaluate(parse(appointment.hl7(fixture))).changes();
    }

}
