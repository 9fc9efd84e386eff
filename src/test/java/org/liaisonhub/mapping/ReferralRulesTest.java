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
import org.junit.jupiter.params.provider.CsvSource;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;

/**
 * The shipped post-discharge rules without the hub: which kind of care a referral (REF^I12/I13/I14, RF1-3) or a
 * discharge to home health care (A03, PV1-36 06) asks for, and what its cancel, rejection or expiry concludes.
 */
class ReferralRulesTest {

    private static final Hl7RuleEngine RULES = RulesUnderTest.hl7(Path.of("mappings"),
            Clock.fixed(Instant.parse("2026-12-01T16:00:00Z"), ZoneId.of("America/Chicago")));

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "HOM, HOME_CARE, ''",
        "SKN, HOME_CARE, ''",
        "PT, OUTPATIENT_THERAPY, physical",
        "OT, OUTPATIENT_THERAPY, occupational",
        "ST, OUTPATIENT_THERAPY, speech",
        "DIET, NUTRITION, ''",
        "DME, MEDICAL_EQUIPMENT, R-5521",
    })
    void aReferralAsksForTheKindOfCareItsTypeNames(String referralType, String workType, String key) {
        List<WorkChange> changes = evaluate(referral("I12", referralType));
        assertThat(changes).singleElement().isInstanceOfSatisfying(WorkNeeded.class, needed -> {
            assertThat(needed.type()).isEqualTo(workType);
            assertThat(needed.key()).isEqualTo(key);
        });
    }

    @Test
    void aHomeCareReferralCarriesTheAgencyTheDiagnosisAndItsUrgency() {
        Fixtures referral = referral("I12", "HOM");
        WorkNeeded homeCare = (WorkNeeded) evaluate(referral).get(0);
        assertThat(homeCare.visitNumber()).isEqualTo(referral.get("VISIT"));
        assertThat(homeCare.priority()).as("RF1-2 S").isEqualTo(Priority.STAT);
        assertThat(homeCare.due()).as("RF1-7, the start of the day in Chicago")
                .isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
        assertThat(homeCare.details().get("referredTo")).as("the RT provider, not the referring RP one")
                .isEqualTo(Map.of("id", "HHA-77", "family", "SUNSHINE HOME HEALTH", "phone", "(312)555-0188"));
        assertThat(homeCare.details()).containsEntry("diagnosis", Map.of("code", "I50.9",
                "text", "Heart failure, unspecified"));
        assertThat(homeCare.details().get("referral")).isEqualTo(Map.of("id", "R-5521", "type", "Referral",
                "status", "A", "reason", "Provider ordered", "effectiveDate", "2026-12-05"));
    }

    @Test
    void aDischargeToHomeHealthCareMeetsTheHomeCareReferralOfTheVisit() {
        Fixtures visit = referral("I12", "HOM");
        WorkNeeded byReferral = (WorkNeeded) evaluate(visit).get(0);
        Fixtures discharge = Fixtures.fresh().with("MRN", visit.get("MRN")).with("VISIT", visit.get("VISIT"))
                .with("DISPOSITION", "06").with("DESTINATION", "");
        WorkNeeded byDischarge = RULES.evaluate(parse(discharge.hl7("a03-discharge"))).changes().stream()
                .map(WorkNeeded.class::cast).filter(w -> w.type().equals("HOME_CARE")).findFirst().orElseThrow();
        assertThat(List.of(byDischarge.mrn(), String.valueOf(byDischarge.visitNumber()), byDischarge.key()))
                .as("one home-care coordination per visit")
                .isEqualTo(List.of(byReferral.mrn(), byReferral.visitNumber(), byReferral.key()));
        assertThat(byDischarge.due()).as("the discharge, PV1-45").isEqualTo(Instant.parse("2026-11-30T20:00:00Z"));
    }

    @ParameterizedTest(name = "{0} status {1}")
    @CsvSource({"I14, A", "I13, R", "I13, E"})
    void aCancelledRejectedOrExpiredReferralEndsItsWork(String event, String status) {
        List<WorkChange> changes = evaluate(referral(event, "PT").with("STATUS", status));
        assertThat(changes).singleElement().isInstanceOfSatisfying(WorkNoLongerNeeded.class, done -> {
            assertThat(done.types()).containsExactly("OUTPATIENT_THERAPY");
            assertThat(done.key()).isEqualTo("physical");
        });
    }

    @Test
    void aModifiedReferralUpdatesItsWork() {
        assertThat(evaluate(referral("I13", "DIET"))).singleElement().isInstanceOf(WorkNeeded.class);
    }

    @Test
    void aReferralForLaboratoryOrRadiologyIsNoLiaisonWork() {
        assertThat(RULES.evaluate(parse(referral("I12", "LAB").hl7("ref-referral"))).matched()).isFalse();
    }

    private static Fixtures referral(String event, String type) {
        return Fixtures.fresh().with("EVENT", event).with("REFERRAL_TYPE", type).with("REFERRAL_TEXT", "Referral")
                .with("REFERRAL", "R-5521").with("STATUS", "A");
    }

    private static List<WorkChange> evaluate(Fixtures referral) {
        return RULES.evaluate(parse(referral.hl7("ref-referral"))).changes();
    }

}
