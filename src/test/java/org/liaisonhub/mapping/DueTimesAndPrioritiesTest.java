package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisonhub.mapping.RulesUnderTest.parse;

import ca.uhn.hl7v2.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkNeeded;

/**
 * Due times, priorities and time conditions in the rule language: what the shipped rules compute and what the
 * {@code time}/{@code plus}/{@code minus}/{@code unit} values and {@code after}/{@code before} conditions do. Times
 * without an offset are read in the hospital's zone (here Chicago, UTC-6 in winter).
 */
class DueTimesAndPrioritiesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Before every fixture's times: the fixtures' admissions and discharges are still to come. */
    private static final Clock EARLY = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), CHICAGO);

    @TempDir
    Path dir;

    @Test
    void anInterpreterIsDueTwoHoursAfterAdmissionInTheHospitalsZone() {
        WorkNeeded interpreter = needed(engine(Path.of("mappings"), EARLY),
                Fixtures.fresh().hl7("a01-admit-spanish-two-insurances")).get(0);
        assertThat(interpreter.type()).isEqualTo("INTERPRETER");
        assertThat(interpreter.due()).as("PV1-44 20261127083000 is 08:30 in Chicago, + PT2H")
                .isEqualTo(Instant.parse("2026-11-27T16:30:00Z"));
        assertThat(interpreter.priority()).as("no PV2-25").isEqualTo(Priority.ROUTINE);
    }

    @Test
    void transportIsDueAtTheExpectedDischargeElseAtTheDischargeWithItsOffset() {
        Fixtures patient = Fixtures.fresh().with("DISPOSITION", "03").with("DESTINATION", "SUNRISE NURSING");
        String discharge = patient.hl7("a03-discharge");
        assertThat(needed(engine(Path.of("mappings"), EARLY), discharge).get(0).due())
                .as("PV1-45 202611301400-0600").isEqualTo(Instant.parse("2026-11-30T20:00:00Z"));

        String expected = discharge.replaceFirst("(\rPV1[^\r]*)", "$1\rPV2|||||||||202611301000");
        assertThat(needed(engine(Path.of("mappings"), EARLY), expected).get(0).due())
                .as("PV2-9 first, read in Chicago").isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void theVisitPriorityOfPv2Becomes() {
        String emergency = Fixtures.fresh().hl7("a01-admit-spanish-two-insurances")
                .replaceFirst("(\rPV1[^\r]*)", "$1\rPV2" + "|".repeat(25) + "1");
        assertThat(needed(engine(Path.of("mappings"), EARLY), emergency)).extracting(WorkNeeded::priority)
                .as("PV2-25 1 (emergency) for the interpreter and both verifications").containsOnly(Priority.STAT);
    }

    @Test
    void timesShiftByIsoDurationsOrByANumberOfAUnitAndCompareWithNow() throws IOException {
        rules("""
                  - id: follow-up
                    events: [A03]
                    when:
                      - value: { path: PV1-45, as: dateTime }
                        after: now
                    workItem:
                      type: FOLLOW_UP
                      due: { time: { path: PV1-45, as: dateTime }, minus: PT90M }
                      priority: urgent
                      details:
                        callBack: { time: { path: PV1-45, as: dateTime }, plus: PV1-36, unit: h }
                        inAWeek: { time: { path: PV1-45, as: dateTime }, plus: 1, unit: wk }
                """);
        String discharge = Fixtures.fresh().with("DISPOSITION", "48").with("DESTINATION", "").hl7("a03-discharge");

        WorkNeeded followUp = needed(engine(dir, EARLY), discharge).get(0);
        assertThat(followUp.due()).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
        assertThat(followUp.priority()).isEqualTo(Priority.URGENT);
        assertThat(followUp.details()).containsEntry("callBack", "2026-12-02T14:00:00-06:00")
                .containsEntry("inAWeek", "2026-12-07T14:00:00-06:00");

        Clock afterDischarge = Clock.fixed(Instant.parse("2026-11-30T20:00:01Z"), CHICAGO);
        assertThat(engine(dir, afterDischarge).evaluate(parse(discharge)).matched())
                .as("a discharge already past opens nothing").isFalse();
    }

    @Test
    void aDurationTheMessageSendsThatIsNoneIsADataTypeErrorAtItsField() throws IOException {
        rules("""
                  - id: follow-up
                    events: [A03]
                    workItem:
                      type: FOLLOW_UP
                      due: { time: { path: PV1-45, as: dateTime }, plus: PV1-36, unit: h }
                """);
        String discharge = Fixtures.fresh().with("DISPOSITION", "soon").with("DESTINATION", "").hl7("a03-discharge");
        assertThatThrownBy(() -> engine(dir, EARLY).evaluate(parse(discharge)))
                .isInstanceOfSatisfying(MappingDataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_TYPE_ERROR);
                    assertThat(e.location().getSegmentName()).isEqualTo("PV1");
                    assertThat(e.location().getField()).isEqualTo(36);
                    assertThat(e.getMessage()).contains("is not a duration");
                });
    }

    @Test
    void aPriorityTheMessageSendsThatIsNoPriorityIsADataTypeError() throws IOException {
        rules("""
                  - id: follow-up
                    events: [A03]
                    workItem:
                      type: FOLLOW_UP
                      priority: PV1-36
                """);
        String discharge = Fixtures.fresh().with("DISPOSITION", "soon").with("DESTINATION", "").hl7("a03-discharge");
        assertThatThrownBy(() -> engine(dir, EARLY).evaluate(parse(discharge)))
                .isInstanceOfSatisfying(MappingDataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_TYPE_ERROR);
                    assertThat(e.location().getField()).isEqualTo(36);
                });
    }

    @Test
    void aWrittenPriorityOrDurationThatIsNoneStopsTheLoadWithItsLine() throws IOException {
        rules("""
                  - id: follow-up
                    events: [A03]
                    workItem:
                      type: FOLLOW_UP
                      priority: { literal: soon }
                """);
        assertThatThrownBy(() -> engine(dir, EARLY)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rules.yaml:11:").hasMessageContaining("priority 'soon'");

        rules("""
                  - id: follow-up
                    events: [A03]
                    workItem:
                      type: FOLLOW_UP
                      due: { time: now, plus: 3, unit: fortnights }
                """);
        assertThatThrownBy(() -> engine(dir, EARLY)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rules.yaml:11:");
    }

    private void rules(String rules) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), """
                ruleSet: times
                source: hl7v2
                patient:
                  mrn: PID-3
                  visitNumber: PV1-19
                rules:
                """ + rules);
    }

    private static List<WorkNeeded> needed(Hl7RuleEngine engine, String er7) {
        return engine.evaluate(parse(er7)).changes().stream().map(WorkNeeded.class::cast).toList();
    }

    private static Hl7RuleEngine engine(Path directory, Clock clock) {
        return RulesUnderTest.hl7(directory, clock);
    }

}
