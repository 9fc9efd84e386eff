package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.yaml.MappingFileLoader;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;
import org.springframework.util.PropertyPlaceholderHelper;

/** The shipped FHIR rules (mappings/fhir-liaison.yaml) on resources built here, without the hub around them. */
class FhirRuleEngineTest {

    private static final String MRN_SYSTEM = "urn:oid:1.2.3.4.mrn";
    private static final String VISIT_SYSTEM = "urn:oid:1.2.3.4.visit";
    private static final PropertyPlaceholderHelper DEFAULTS = new PropertyPlaceholderHelper("${", "}", ":", null, true);

    private final FhirRuleEngine engine = new MappingFileLoader(s -> DEFAULTS.replacePlaceholders(s, n -> null),
            new FhirPaths(FhirContext.forR4Cached())).loadDirectory(Path.of("mappings"))
            .fhir(Map.of("mrnSystem", MRN_SYSTEM, "visitSystem", VISIT_SYSTEM), Clock.systemUTC());
    private final Map<String, Resource> known = new HashMap<>();

    @Test
    void aSpanishSpeakingPatientInAnOpenVisitNeedsAnInterpreterForThatVisit() {
        Patient patient = patient("es", "Spanish");
        Encounter encounter = encounter(Encounter.EncounterStatus.INPROGRESS);
        MappingResult result = engine.evaluate(new FhirSubject(encounter, patient, encounter, known::get));
        assertThat(result.appliedRules()).as("the open visit also updates the visit's other items")
                .containsExactly("fhir-liaison/interpreter", "fhir-liaison/patient-moved");
        assertThat(result.changes()).filteredOn(WorkNeeded.class::isInstance).singleElement()
                .isInstanceOfSatisfying(WorkNeeded.class, w -> {
                    assertThat(w.type()).isEqualTo("INTERPRETER");
                    assertThat(w.mrn()).isEqualTo("M100");
                    assertThat(w.visitNumber()).isEqualTo("V100");
                    assertThat(w.details()).containsEntry("languageCode", "es").containsEntry("language", "Spanish")
                            .containsEntry("pointOfCare", "4WEST 412");
                    assertThat(w.patient()).containsEntry("family", "GARCIA").containsEntry("gender", "F")
                            .containsEntry("birthDate", "1958-02-14").containsEntry("patientClass", "I");
                });
    }

    @Test
    void anOpenEncounterWhosePatientHasNotComeYetAsksForNothing() {
        Encounter encounter = encounter(Encounter.EncounterStatus.INPROGRESS);
        assertThat(engine.evaluate(new FhirSubject(encounter, null, encounter, known::get)).matched()).isFalse();
    }

    @Test
    void theInterpreterFlagAloneIsEnoughAndEnglishAloneIsNot() {
        Patient english = patient("en-US", "English");
        Encounter visit = encounter(Encounter.EncounterStatus.INPROGRESS);
        assertThat(engine.evaluate(new FhirSubject(english, english, visit, known::get)).changes())
                .singleElement().isInstanceOf(WorkNoLongerNeeded.class);
        english.addExtension("http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired",
                new BooleanType(true));
        assertThat(engine.evaluate(new FhirSubject(english, english, visit, known::get)).changes())
                .singleElement().isInstanceOfSatisfying(WorkNeeded.class, w -> assertThat(w.visitNumber())
                        .isEqualTo("V100"));
    }

    @Test
    void aPatientWithoutAnOpenVisitNeedsNoInterpreterYetTheVisitWillAskForOne() {
        Patient patient = patient("es", "Spanish");
        assertThat(engine.evaluate(new FhirSubject(patient, patient, null, known::get)).changes()).isEmpty();
        Encounter finished = encounter(Encounter.EncounterStatus.FINISHED);
        assertThat(engine.evaluate(new FhirSubject(patient, patient, finished, known::get)).changes()).isEmpty();
    }

    @Test
    void anActiveCoverageIsVerifiedUnderTheSameKeyAsTheHl7Insurance() {
        Organization payer = new Organization().setName("AETNA HEALTH INC");
        payer.addIdentifier().setValue("AETNA01");
        known.put("Organization/aetna", payer);
        Patient patient = patient("es", "Spanish");
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId("W123456789");
        coverage.addPayor(new Reference("Organization/aetna"));
        coverage.addClass_().setType(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/coverage-class", "group", null))).setValue("GRP-5521");
        coverage.setRelationship(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
        Encounter visit = encounter(Encounter.EncounterStatus.INPROGRESS);
        MappingResult result = engine.evaluate(new FhirSubject(coverage, patient, visit, known::get));
        assertThat(result.changes()).singleElement().isInstanceOfSatisfying(WorkNeeded.class, w -> {
            assertThat(w.key()).isEqualTo("AETNA01|W123456789");
            assertThat(w.visitNumber()).isEqualTo("V100");
            assertThat(w.details()).containsEntry("payer", Map.of("id", "AETNA01", "name", "AETNA HEALTH INC"))
                    .containsEntry("groupNumber", "GRP-5521").containsEntry("relationship", "SEL");
        });
    }

    @Test
    void aFinishedVisitToASkilledNursingFacilityNeedsTransport() {
        Encounter finished = encounter(Encounter.EncounterStatus.FINISHED);
        finished.getHospitalization().setDischargeDisposition(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/discharge-disposition", "snf", null)));
        finished.getHospitalization().setDestination(new Reference().setDisplay("SUNRISE SNF"));
        finished.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-30T14:00:00-06:00"));
        MappingResult result = engine.evaluate(new FhirSubject(finished, patient("en", "English"), finished,
                known::get));
        assertThat(result.changes()).singleElement().isInstanceOfSatisfying(WorkNeeded.class, w -> {
            assertThat(w.type()).isEqualTo("TRANSPORT");
            assertThat(w.details()).containsEntry("destination", "SUNRISE SNF").containsEntry("disposition", "snf")
                    .containsEntry("dischargeTime", "2026-11-30T14:00:00-06:00");
        });
    }

    @Test
    void aServiceRequestForTransportOpensTransportAndACancelledVisitCancelsAll() {
        ServiceRequest request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(new Coding("https://liaisonhub.org/fhir/CodeSystem/liaison-service",
                "transport", null)));
        Encounter visit = encounter(Encounter.EncounterStatus.INPROGRESS);
        assertThat(engine.evaluate(new FhirSubject(request, patient("en", "English"), visit, known::get)).changes())
                .singleElement().isInstanceOfSatisfying(WorkNeeded.class, w -> assertThat(w.type()).isEqualTo("TRANSPORT"));

        Encounter cancelled = encounter(Encounter.EncounterStatus.CANCELLED);
        assertThat(engine.evaluate(new FhirSubject(cancelled, patient("en", "English"), cancelled, known::get))
                .changes()).singleElement().isInstanceOfSatisfying(WorkNoLongerNeeded.class,
                        c -> assertThat(c.types()).isEmpty());
    }

    @Test
    void aRuleThatAppliesWithoutAKnownPatientNamesWhatIsMissing() {
        Encounter orphan = encounter(Encounter.EncounterStatus.CANCELLED);
        assertThatThrownBy(() -> engine.evaluate(new FhirSubject(orphan, null, orphan, known::get)))
                .isInstanceOfSatisfying(MappingDataException.class,
                        e -> assertThat(e.fhirPath()).isEqualTo("Encounter.subject"));
    }

    private static Patient patient(String languageCode, String languageText) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue("M100");
        patient.addName().setFamily("GARCIA").addGiven("MARIA");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1958-02-14"));
        patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                new Coding("urn:ietf:bcp:47", languageCode, null)).setText(languageText));
        return patient;
    }

    private static Encounter encounter(Encounter.EncounterStatus status) {
        Encounter encounter = new Encounter().setStatus(status);
        encounter.addIdentifier().setSystem(VISIT_SYSTEM).setValue("V100");
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
        encounter.addLocation().setLocation(new Reference().setDisplay("4WEST 412"));
        return encounter;
    }
}
