package org.liaisonhub.dispatch.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.liaisonhub.dispatch.VendorSettings.RequestKind;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.workitem.WorkItem;
import org.springframework.stereotype.Component;

/**
 * Builds the standardized vendor request: a FHIR R4 message Bundle whose MessageHeader names the event
 * ({@code <event>-request} or {@code <event>-cancel}) and focuses on a CoverageEligibilityRequest or a
 * ServiceRequest, with the Task that tracks it and the Patient, Encounter, Coverage, Organization and Locations it
 * refers to. A cancellation is the same bundle with the request revoked and the Task cancelled.
 * The detail names it reads are those of the shipped mappings, listed in docs/vendors.md.
 */
@Component
public class VendorRequestBuilder {

    private final FhirContext fhir;
    private final FhirProperties properties;

    public VendorRequestBuilder(FhirContext fhir, FhirProperties properties) {
        this.fhir = fhir;
        this.properties = properties;
    }

    public String json(VendorRequest request) {
        return fhir.newJsonParser().encodeResourceToString(build(request));
    }

    public Bundle build(VendorRequest request) {
        WorkItem item = request.item();
        RequestBundle bundle = new RequestBundle(request.idempotencyKey(), Date.from(request.decidedAt()));
        MessageHeader header = new MessageHeader();
        bundle.add("message-header", header);
        String event = request.vendor().event() + (request.cancel() ? "-cancel" : "-request");
        header.setEvent(new Coding(FhirCodes.EVENT_SYSTEM, event, null));
        header.getSource().setName("Liaison Hub").setEndpoint(properties.sourceEndpoint());
        header.addDestination().setName(request.vendorName()).setEndpoint(request.vendor().url().toString());

        Reference patient = bundle.add("patient", patient(item, request.vendor().request()));
        Reference encounter = item.visitNumber() == null ? null : bundle.add("encounter", encounter(item, patient));
        Reference focus = switch (request.vendor().request()) {
            case INSURANCE_ELIGIBILITY -> EligibilityRequest.add(bundle, request, patient);
            case TRANSPORT, INTERPRETER, SERVICE -> service(bundle, request, patient, encounter);
        };
        header.addFocus(focus);
        bundle.add("task", task(request, focus, patient, encounter, bundle));
        return bundle.bundle();
    }

    private Patient patient(WorkItem item, RequestKind kind) {
        Details person = new Details(item.patient());
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier()
                .setType(new CodeableConcept(FhirCodes.medicalRecordNumber()))
                .setSystem(properties.mrnSystem())
                .setValue(item.mrn()));
        if (person.has("family") || person.has("given")) {
            HumanName name = patient.addName().setFamily(person.text("family"));
            if (person.has("given")) {
                name.addGiven(person.text("given"));
            }
            if (person.has("middle")) {
                name.addGiven(person.text("middle"));
            }
        }
        if (person.has("birthDate")) {
            patient.setBirthDateElement(new DateType(person.text("birthDate")));
        }
        patient.setGender(FhirCodes.gender(person.text("gender")));
        CodeableConcept language = FhirCodes.language(person.text("languageCode"), person.text("language"));
        if (language != null) {
            patient.addCommunication().setLanguage(language).setPreferred(true);
        }
        if (kind == RequestKind.INTERPRETER) {
            patient.addExtension(FhirCodes.INTERPRETER_REQUIRED, new BooleanType(true));
        }
        return patient;
    }

    private Encounter encounter(WorkItem item, Reference patient) {
        Encounter encounter = new Encounter();
        encounter.addIdentifier().setSystem(properties.visitSystem()).setValue(item.visitNumber());
        encounter.setStatus(Encounter.EncounterStatus.UNKNOWN);
        encounter.setClass_(FhirCodes.encounterClass(new Details(item.patient()).text("patientClass")));
        encounter.setSubject(patient);
        return encounter;
    }

    private Reference service(RequestBundle bundle, VendorRequest request, Reference patient, Reference encounter) {
        Details details = new Details(request.item().details());
        ServiceRequest service = new ServiceRequest();
        service.addIdentifier().setSystem(FhirCodes.WORK_ITEM_SYSTEM).setValue(String.valueOf(request.item().id()));
        service.setStatus(request.cancel() ? ServiceRequest.ServiceRequestStatus.REVOKED
                : ServiceRequest.ServiceRequestStatus.ACTIVE);
        service.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        service.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(request.item().priority().code()));
        service.setCode(new CodeableConcept(serviceCode(request)));
        service.setSubject(patient);
        service.setEncounter(encounter);
        service.setAuthoredOn(Date.from(request.decidedAt()));
        switch (request.vendor().request()) {
            case TRANSPORT -> {
                bundle.location("pickup", details, "pickup.").ifPresent(service::addLocationReference);
                // an appointment's ride is wanted at its pickup time, a discharge's at the discharge
                String wanted = details.has("pickupTime") ? details.text("pickupTime") : details.text("dischargeTime");
                if (wanted != null) {
                    service.setOccurrence(dateTime(wanted));
                }
                if (details.has("disposition")) {
                    service.addReasonCode(new CodeableConcept(new Coding(FhirCodes.UB04_DISCHARGE_STATUS,
                            details.text("disposition"), null)));
                }
            }
            case INTERPRETER -> {
                CodeableConcept language = FhirCodes.language(details.text("languageCode"),
                        details.has("languageText") ? details.text("languageText") : details.text("language"));
                if (language != null) {
                    service.addOrderDetail(language);
                }
                bundle.location("location", details, "").ifPresent(service::addLocationReference);
                if (details.has("appointment.start")) {
                    service.setOccurrence(dateTime(details.text("appointment.start")));
                }
            }
            default -> {
                // a generic service carries its details as Task inputs
            }
        }
        return bundle.add("focus", service);
    }

    private Coding serviceCode(VendorRequest request) {
        return switch (request.vendor().request()) {
            case TRANSPORT -> new Coding(FhirCodes.SERVICE_SYSTEM, "transport", "Patient transport");
            case INTERPRETER -> new Coding(FhirCodes.SERVICE_SYSTEM, "interpreter", "Interpreter services");
            default -> new Coding(FhirCodes.SERVICE_SYSTEM,
                    request.vendor().serviceCode() != null ? request.vendor().serviceCode() : request.vendor().event(),
                    request.vendor().serviceDisplay());
        };
    }

    private Task task(VendorRequest request, Reference focus, Reference patient, Reference encounter,
            RequestBundle bundle) {
        Task task = new Task();
        task.addIdentifier().setSystem(FhirCodes.WORK_ITEM_SYSTEM).setValue(String.valueOf(request.item().id()));
        task.setStatus(request.cancel() ? Task.TaskStatus.CANCELLED : Task.TaskStatus.REQUESTED);
        if (request.cancel()) {
            task.setStatusReason(new CodeableConcept().setText("Cancelled by the hospital"));
        }
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.fromCode(request.item().priority().code()));
        if (request.item().due() != null) {
            // "when fulfillment is sought": the liaison's due time, e.g. the pickup before an appointment
            task.setRestriction(new Task.TaskRestrictionComponent().setPeriod(
                    new Period().setEnd(Date.from(request.item().due()))));
        }
        task.setFocus(focus);
        task.setFor(patient);
        task.setEncounter(encounter);
        task.setAuthoredOn(Date.from(request.decidedAt()));
        Details details = new Details(request.item().details());
        if (request.vendor().request() == RequestKind.TRANSPORT) {
            bundle.location("pickup", details, "pickup.").ifPresent(pickup ->
                    task.addInput().setType(new CodeableConcept(FhirCodes.taskInput("pickup-location")))
                            .setValue(pickup));
            Optional<Reference> destination = details.has("destination")
                    ? Optional.of(bundle.add("destination", new Location().setName(details.text("destination"))))
                    : bundle.location("destination", details, "destination.");
            destination.ifPresent(to -> task.addInput()
                    .setType(new CodeableConcept(FhirCodes.taskInput("destination-location"))).setValue(to));
        }
        if (request.vendor().request() == RequestKind.SERVICE) {
            request.item().flatDetails().forEach((name, value) ->
                    task.addInput().setType(new CodeableConcept().setText(name)).setValue(new StringType(value)));
        }
        return task;
    }

    /** An ISO date-time from the mapping; a time without an offset is read in the hub's time zone. */
    private DateTimeType dateTime(String iso) {
        if (iso.length() <= 10) {
            return new DateTimeType(iso);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(iso);
        } catch (DateTimeParseException noOffset) {
            time = LocalDateTime.parse(iso).atZone(properties.zone()).toOffsetDateTime();
        }
        // FHIR wants the seconds, which OffsetDateTime.toString() leaves out when they are zero
        return new DateTimeType(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
