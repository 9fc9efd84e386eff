package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisonhub.mapping.RulesUnderTest.parse;

import ca.uhn.hl7v2.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.workitem.PatientLocation;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;

/** The shipped rules and the rule language, evaluated on parsed messages without the hub around them. */
class Hl7RuleEngineTest {


    private final Hl7RuleEngine shipped = engine(Path.of("mappings"));

    @TempDir
    Path dir;

    @Test
    void admissionYieldsInterpreterAndOneVerificationPerInsurance() {
        Fixtures patient = Fixtures.fresh();
        MappingResult result = shipped.evaluate(parse(patient.hl7("a01-admit-spanish-two-insurances")));

        assertThat(result.appliedRules()).containsExactly("adt-liaison/interpreter",
                "adt-liaison/insurance-verification", "adt-liaison/insurance-verification");
        List<WorkNeeded> needed = result.changes().stream().map(WorkNeeded.class::cast).toList();
        assertThat(needed).allSatisfy(w -> {
            assertThat(w.mrn()).as("the MR-typed PID-3 repetition").isEqualTo(patient.get("MRN"));
            assertThat(w.visitNumber()).isEqualTo(patient.get("VISIT"));
        });
        assertThat(needed.get(0).details()).containsEntry("languageCode", "es");
        assertThat(needed).extracting(WorkNeeded::location).as("PV1-3.4 and PV1-3.1")
                .containsOnly(new PatientLocation("GENHOSP", "4WEST"));
        assertThat(needed.get(1).key()).isEqualTo("AETNA01|W123456789");
        assertThat(needed.get(2).key()).isEqualTo("MEDICARE|1EG4TE5MK73");
        assertThat(needed.get(2).details()).doesNotContainKey("groupNumber")
                .containsEntry("payer", Map.of("id", "MEDICARE", "name", "CENTERS FOR MEDICARE"));
    }

    @Test
    void anUpdateToEnglishConcludesTheInterpreterIsNoLongerNeeded() {
        Fixtures patient = Fixtures.fresh().with("LANGUAGE", "ENGLISH");
        MappingResult result = shipped.evaluate(parse(patient.hl7("a08-update-language")));
        assertThat(result.changes()).singleElement().isInstanceOfSatisfying(WorkNoLongerNeeded.class, done -> {
            assertThat(done.types()).containsExactly("INTERPRETER");
            assertThat(done.visitNumber()).isEqualTo(patient.get("VISIT"));
        });
    }

    @Test
    void aMessageNoRuleWantsMatchesNothing() {
        MappingResult result = shipped.evaluate(parse(Fixtures.fresh().hl7("a01-admit-english-no-insurance")));
        assertThat(result.matched()).isFalse();
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void aRuleThatAppliesWithoutAnMrnIsARequiredFieldMissingAtPid3() {
        assertThatThrownBy(() -> shipped.evaluate(parse(Fixtures.fresh().hl7("a01-no-mrn"))))
                .isInstanceOfSatisfying(MappingDataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUIRED_FIELD_MISSING);
                    assertThat(e.location().getSegmentName()).isEqualTo("PID");
                    assertThat(e.location().getField()).isEqualTo(3);
                });
    }

    @Test
    void aNewKindOfWorkNeedsOnlyAMappingFile() throws IOException {
        Files.writeString(dir.resolve("home-care.yaml"), """
                ruleSet: home-care
                source: hl7v2
                patient:
                  mrn: PID-3
                  visitNumber: PV1-19
                rules:
                  - id: home-health-referral
                    events: [A03]
                    when:
                      - value: PV1-36
                        in: ${hub.rules.home-care-dispositions:06 86}
                    workItem:
                      type: HOME_CARE
                      details:
                        agency: { literal: to be chosen }
                        dischargedAt: { path: PV1-45, as: dateTime }
                """);
        Fixtures patient = Fixtures.fresh().with("DISPOSITION", "06").with("DESTINATION", "");
        MappingResult result = engine(dir).evaluate(parse(patient.hl7("a03-discharge")));
        assertThat(result.changes()).singleElement().isInstanceOfSatisfying(WorkNeeded.class, w -> {
            assertThat(w.type()).isEqualTo("HOME_CARE");
            assertThat(w.details()).containsEntry("agency", "to be chosen")
                    .containsEntry("dischargedAt", "2026-11-30T14:00:00-06:00");
            assertThat(w.rule()).isEqualTo("home-care/home-health-referral");
        });
    }

    @Test
    void theShippedRulesReadOnlyTheSegmentsTheyName() {
        assertThat(shipped.segmentsRead("ADT")).isEqualTo(new SegmentsRead(Set.of("MSH", "PID", "PV1", "PV2", "IN1",
                "MRG"), false));
        assertThat(shipped.segmentsRead("SIU")).isEqualTo(new SegmentsRead(Set.of("MSH", "PID", "PV1", "SCH", "TQ1",
                "AIS", "AIG", "AIL", "AIP"), false));
        assertThat(shipped.segmentsRead("REF")).isEqualTo(new SegmentsRead(Set.of("MSH", "PID", "PV1", "PV2", "RF1",
                "PRD", "DG1"), false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a01-admit-english-no-insurance", "a01-admit-interpreter",
            "a01-admit-spanish-two-insurances", "a01-bad-insurance-date", "a01-enhanced-mode", "a01-no-mrn",
            "a03-discharge", "a04-register-visit-in-pid18", "a08-update-language", "a11-cancel-admit",
            "a13-cancel-discharge", "a28-add-person-spanish", "siu-appointment-interpreter-transport",
            "siu-s12-v23-timing-quantity"})
    void theShippedRulesConcludeTheSameFromTheExcerptAsFromTheWholeMessage(String fixture) {
        Fixtures patient = Fixtures.fresh().with("LANGUAGE", "SPA").with("DISPOSITION", "03")
                .with("DESTINATION", "SUNRISE NURSING").with("VERSION", "2.5.1").with("ACCEPT_ACK", "AL")
                .with("APP_ACK", "AL").with("EVENT", "S12").with("APPOINTMENT", "A-1").with("START", "20991215140000");
        String whole = withSegmentsNoRuleReads(patient.hl7(fixture));
        String excerpt = shipped.segmentsRead(whole.split("\\|")[8].split("\\^")[0]).excerptOf(whole, '|');

        assertThat(excerpt).hasSizeLessThan(whole.length());
        assertThat(outcome(excerpt)).isEqualTo(outcome(whole));
    }

    @Test
    void aForEachSegmentIsReadAndAFullTerserPathReadsTheWholeMessage() throws IOException {
        Files.writeString(dir.resolve("guarantor.yaml"), """
                ruleSet: guarantor
                source: hl7v2
                patient:
                  mrn: PID-3
                rules:
                  - id: guarantor-check
                    events: [A01]
                    forEach: GT1
                    workItem:
                      type: FINANCIAL_COUNSELING
                      details:
                        plan: /.INSURANCE(0)/IN1-2
                """);
        assertThat(engine(dir).segmentsRead("ADT")).isEqualTo(new SegmentsRead(Set.of("PID", "GT1", "IN1"), true));
    }

    /** Adds NK1, OBX, AL1, DG1, GT1 and IN2 segments, as real feeds send them, where ADT_A01 has them. */
    private static String withSegmentsNoRuleReads(String message) {
        return message.replaceFirst("(\rPID[^\r]*)", "$1\rNK1|1|GARCIA^JOSE|SPO^Spouse^HL70063")
                .replaceFirst("(\rPV1[^\r]*)", "$1\rOBX|1|NM|8867-4^Heart rate^LN||92|/min\r"
                        + "AL1|1|DA^Drug allergy^HL70127|70618^Penicillin^RXNORM\r"
                        + "DG1|1||I50.9^Heart failure, unspecified^I10\rGT1|1|G4411|GARCIA^MARIA^L")
                .replaceAll("(\rIN1[^\r]*)", "$1\rIN2|1|123-45-6789");
    }

    /** What the shipped rules conclude from a message: their result, or the error they answer with. */
    private Object outcome(String er7) {
        try {
            return shipped.evaluate(parse(er7));
        } catch (MappingDataException unusable) {
            return Arrays.asList(unusable.errorCode(), unusable.getMessage(), unusable.location());
        }
    }

    private static Hl7RuleEngine engine(Path directory) {
        return RulesUnderTest.hl7(directory, Clock.systemUTC());
    }

}
