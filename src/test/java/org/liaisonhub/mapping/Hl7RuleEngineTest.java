package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;
import org.springframework.util.PropertyPlaceholderHelper;

/** The shipped rules and the rule language, evaluated on parsed messages without the hub around them. */
class Hl7RuleEngineTest {

    private static final PropertyPlaceholderHelper DEFAULTS = new PropertyPlaceholderHelper("${", "}", ":", null, true);
    private static final HapiContext HAPI = new DefaultHapiContext(ValidationContextFactory.noValidation());

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

    private static Hl7RuleEngine engine(Path directory) {
        return new MappingFileLoader(text -> DEFAULTS.replacePlaceholders(text, name -> null),
                MappingFileLoaderTest.PATHS).loadDirectory(directory).hl7();
    }

    private static Message parse(String er7) {
        try {
            return HAPI.getPipeParser().parse(er7);
        } catch (HL7Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
