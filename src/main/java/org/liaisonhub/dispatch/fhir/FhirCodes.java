package org.liaisonhub.dispatch.fhir;

import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.liaisonhub.platform.FhirProperties;

/** The code systems of the vendor requests, and HL7 v2 codes translated to FHIR's. */
public final class FhirCodes {

    /** MessageHeader events: {@code <event>-request} and {@code <event>-cancel}. */
    static final String EVENT_SYSTEM = FhirProperties.BASE + "/CodeSystem/liaison-event";
    /** What is asked of the vendor (ServiceRequest.code). */
    static final String SERVICE_SYSTEM = FhirProperties.BASE + "/CodeSystem/liaison-service";
    /** The kinds of Task.input the hub sends. */
    static final String TASK_INPUT_SYSTEM = FhirProperties.BASE + "/CodeSystem/task-input";
    /** The hub's work-item ids (Task.identifier, ServiceRequest.identifier): how callbacks find the item. */
    public static final String WORK_ITEM_SYSTEM = FhirProperties.BASE + "/NamingSystem/work-item";
    /** Request idempotency keys (Bundle.identifier, CoverageEligibilityRequest.identifier). */
    static final String REQUEST_SYSTEM = FhirProperties.BASE + "/NamingSystem/request";
    static final String PAYER_SYSTEM = FhirProperties.BASE + "/NamingSystem/payer-id";
    static final String BCP47 = "urn:ietf:bcp:47";
    static final String INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";
    static final String UB04_DISCHARGE_STATUS = "https://www.nubc.org/CodeSystem/PatDischargeStatus";

    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
    private static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    private static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";

    /** HL7 table 0004 patient class to the v3 ActCode encounter class. */
    private static final Map<String, String[]> PATIENT_CLASS = Map.of(
            "I", new String[] {"IMP", "inpatient encounter"},
            "O", new String[] {"AMB", "ambulatory"},
            "E", new String[] {"EMER", "emergency"},
            "P", new String[] {"PRENC", "pre-admission"},
            "R", new String[] {"AMB", "ambulatory"},
            "B", new String[] {"IMP", "inpatient encounter"});

    /** HL7 table 0063 (relationship) to FHIR subscriber-relationship. */
    private static final Map<String, String> RELATIONSHIP = Map.of(
            "SEL", "self", "SPO", "spouse", "DOM", "spouse", "CHD", "child", "PAR", "parent", "OTH", "other",
            "EME", "other", "FND", "other");

    private FhirCodes() {
    }

    static Coding medicalRecordNumber() {
        return new Coding(V2_0203, "MR", "Medical record number");
    }

    static Coding encounterClass(String patientClass) {
        String[] code = patientClass == null ? null : PATIENT_CLASS.get(patientClass.toUpperCase(Locale.ROOT));
        return code == null ? new Coding(NULL_FLAVOR, "UNK", "unknown") : new Coding(ACT_CODE, code[0], code[1]);
    }

    /** HL7 table 0001 sex to FHIR administrative gender; null when not sent. */
    static AdministrativeGender gender(String sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex.toUpperCase(Locale.ROOT)) {
            case "F" -> AdministrativeGender.FEMALE;
            case "M" -> AdministrativeGender.MALE;
            case "O", "A", "N" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    static Coding subscriberRelationship(String relationship) {
        String code = relationship == null ? null : RELATIONSHIP.get(relationship.toUpperCase(Locale.ROOT));
        return code == null ? null : new Coding(SUBSCRIBER_RELATIONSHIP, code, null);
    }

    static Coding coverageClass(String type) {
        return new Coding(COVERAGE_CLASS, type, null);
    }

    static Coding taskInput(String code) {
        return new Coding(TASK_INPUT_SYSTEM, code, null);
    }

    /** A language as BCP-47 (when known) with the text as the EHR sent it; null when neither is known. */
    static CodeableConcept language(String bcp47, String asSent) {
        if (bcp47 == null && asSent == null) {
            return null;
        }
        CodeableConcept language = new CodeableConcept().setText(asSent);
        if (bcp47 != null) {
            language.addCoding(new Coding(FhirCodes.BCP47, bcp47, null));
        }
        return language;
    }
}
