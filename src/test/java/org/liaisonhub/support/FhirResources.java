package org.liaisonhub.support;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.liaisonhub.platform.FhirProperties;

/** FHIR R4 resources as an EHR sends them, with the hub's default identifier systems for MRNs and visits. */
public final class FhirResources {

    public static final String MRN_SYSTEM = FhirProperties.BASE + "/NamingSystem/mrn";
    public static final String VISIT_SYSTEM = FhirProperties.BASE + "/NamingSystem/visit-number";
    public static final String INTERPRETER_REQUIRED =
            "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";

    private FhirResources() {
    }

    /** A patient whose preferred language is the given BCP-47 code. */
    public static Patient patient(String id, String mrn, String language, String languageText) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.addName().setFamily("GARCIA").addGiven("MARIA");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.getBirthDateElement().setValueAsString("1958-02-14");
        patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                new Coding("urn:ietf:bcp:47", language, languageText)).setText(languageText));
        return patient;
    }

    public static Patient needingAnInterpreter(Patient patient) {
        patient.addExtension(INTERPRETER_REQUIRED, new BooleanType(true));
        return patient;
    }

    public static Encounter encounter(String id, String visit, String patientRef, Encounter.EncounterStatus status) {
        Encounter encounter = new Encounter().setStatus(status);
        encounter.setId(id);
        encounter.addIdentifier().setSystem(VISIT_SYSTEM).setValue(visit);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
        encounter.setSubject(new Reference(patientRef));
        encounter.addLocation().setLocation(new Reference().setDisplay("4WEST 412"));
        return encounter;
    }

    /** A finished visit whose patient goes to a skilled nursing facility. */
    public static Encounter dischargedToNursingFacility(Encounter encounter) {
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.getPeriod().getStartElement().setValueAsString("2026-11-27T08:30:00-06:00");
        encounter.getPeriod().getEndElement().setValueAsString("2026-11-29T11:00:00-06:00");
        encounter.getHospitalization().setDischargeDisposition(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/discharge-disposition", "snf", "Skilled nursing facility")))
                .setDestination(new Reference().setDisplay("Lakeside Skilled Nursing"));
        return encounter;
    }

    public static Organization payer(String id, String payerId, String name) {
        Organization payer = new Organization().setName(name);
        payer.setId(id);
        payer.addIdentifier().setValue(payerId);
        return payer;
    }

    public static Coverage coverage(String id, String patientRef, String payerRef, String memberId) {
        Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setSubscriberId(memberId);
        coverage.setId(id);
        coverage.setBeneficiary(new Reference(patientRef));
        coverage.addPayor(new Reference(payerRef));
        coverage.setRelationship(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
        return coverage;
    }

    /** The EHR asks for a service ({@code transport}, {@code interpreter}) for a patient's visit. */
    public static ServiceRequest serviceRequest(String id, String code, String patientRef, String encounterRef) {
        ServiceRequest request = new ServiceRequest()
                .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setId(id);
        request.setCode(new CodeableConcept(new Coding("https://ehr.example.org/CodeSystem/liaison-services", code,
                null)));
        request.setSubject(new Reference(patientRef));
        if (encounterRef != null) {
            request.setEncounter(new Reference(encounterRef));
        }
        return request;
    }
}
