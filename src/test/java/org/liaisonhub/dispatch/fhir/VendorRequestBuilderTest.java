package org.liaisonhub.dispatch.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liaisonhub.dispatch.VendorSettings.RequestKind;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.support.FhirR4Validator;
import org.liaisonhub.workitem.PatientLocation;
import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemStatus;

/** Every event the hub sends is a message Bundle that base FHIR R4 accepts with no error. */
class VendorRequestBuilderTest {

    private final VendorRequestBuilder builder = new VendorRequestBuilder(FhirR4Validator.context(),
            new FhirProperties(null, null, null, "America/Chicago", null, null, null, null, null));

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({
        "insurance-verification, request, INSURANCE_ELIGIBILITY",
        "insurance-verification, cancel, INSURANCE_ELIGIBILITY",
        "transport, request, TRANSPORT",
        "transport, cancel, TRANSPORT",
        "interpreter, request, INTERPRETER",
        "interpreter, cancel, INTERPRETER",
        "home-care, request, SERVICE",
        "home-care, cancel, SERVICE",
        "outpatient-therapy, request, SERVICE",
        "outpatient-therapy, cancel, SERVICE",
        "nutrition, request, SERVICE",
        "nutrition, cancel, SERVICE",
        "medical-equipment, request, SERVICE",
        "medical-equipment, cancel, SERVICE",
    })
    void everyEventValidatesAgainstBaseR4(String event, String action, RequestKind kind) {
        String json = builder.json(request(event, kind, action.equals("cancel")));
        assertThat(FhirR4Validator.errors(json)).as(json).isEmpty();

        Bundle bundle = FhirR4Validator.context().newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo(event + "-" + action);
        assertThat(header.getEventCoding().getSystem()).isEqualTo("https://liaisonhub.org/fhir/CodeSystem/liaison-event");
    }

    @ParameterizedTest
    @CsvSource({"request", "cancel"})
    void theSameRequestIsAlwaysTheSameBundle(String action) {
        VendorRequest request = request("transport", RequestKind.TRANSPORT, action.equals("cancel"));
        assertThat(builder.json(request)).isEqualTo(builder.json(request));
    }

    @org.junit.jupiter.api.Test
    void insuranceFocusesOnAValidationEligibilityRequestWithTheMemberIdAndPayer() {
        Bundle bundle = builder.build(request("insurance-verification", RequestKind.INSURANCE_ELIGIBILITY, false));
        CoverageEligibilityRequest eligibility = resource(bundle, CoverageEligibilityRequest.class);
        assertThat(eligibility.getPurpose().get(0).getValue())
                .isEqualTo(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        org.hl7.fhir.r4.model.Coverage coverage = resource(bundle, org.hl7.fhir.r4.model.Coverage.class);
        assertThat(coverage.getSubscriberId()).isEqualTo("W123456789");
        assertThat(coverage.getPayorFirstRep().getDisplay()).isEqualTo("AETNA HEALTH INC");
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        assertThat(header.getFocusFirstRep().getReference()).isEqualTo(fullUrl(bundle, eligibility));
    }

    @org.junit.jupiter.api.Test
    void interpreterRequestCarriesTheLanguageAsABcp47CodeAndThePatientAsNeedingAnInterpreter() {
        Bundle bundle = builder.build(request("interpreter", RequestKind.INTERPRETER, false));
        ServiceRequest service = resource(bundle, ServiceRequest.class);
        assertThat(service.getOrderDetailFirstRep().getCodingFirstRep().getSystem()).isEqualTo("urn:ietf:bcp:47");
        assertThat(service.getOrderDetailFirstRep().getCodingFirstRep().getCode()).isEqualTo("es");
        Patient patient = resource(bundle, Patient.class);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("900123");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("GARCIA");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1958-02-14");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("es");
        assertThat(patient.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"))
                .isNotNull();
        assertThat(resource(bundle, Task.class).getIdentifierFirstRep().getValue()).isEqualTo("42");
    }

    @org.junit.jupiter.api.Test
    void transportAsksForTheDischargeTimeInTheHospitalsZoneWhenNoOffsetWasSent() {
        Bundle bundle = builder.build(request("transport", RequestKind.TRANSPORT, false));
        ServiceRequest service = resource(bundle, ServiceRequest.class);
        assertThat(service.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2026-11-30T14:00:00-06:00");
        assertThat(service.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        Task task = resource(bundle, Task.class);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(task.getRestriction().getPeriod().getEnd()).as("the item's due time: when fulfilment is sought")
                .isEqualTo(Date.from(Instant.parse("2026-11-30T19:30:00Z")));
        assertThat(task.getInput()).extracting(i -> i.getType().getCodingFirstRep().getCode())
                .containsExactly("pickup-location", "destination-location");
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }

    private static String fullUrl(Bundle bundle, org.hl7.fhir.r4.model.Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow()
                .getFullUrl();
    }

    static VendorRequest request(String event, RequestKind kind, boolean cancel) {
        Map<String, Object> details = new LinkedHashMap<>();
        switch (kind) {
            case INSURANCE_ELIGIBILITY -> {
                details.put("plan", Map.of("id", "PPO-GOLD", "name", "Gold PPO"));
                details.put("payer", Map.of("id", "AETNA01", "name", "AETNA HEALTH INC"));
                details.put("memberId", "W123456789");
                details.put("groupNumber", "GRP-5521");
                details.put("insured", Map.of("family", "GARCIA", "given", "MARIA"));
                details.put("relationship", "SEL");
                details.put("effectiveDate", "2026-01-01");
                details.put("expirationDate", "2026-12-31");
            }
            case TRANSPORT -> {
                details.put("pickup", Map.of("pointOfCare", "4WEST", "room", "412", "bed", "B", "facility", "GENHOSP"));
                details.put("destination", "SUNRISE SNF");
                details.put("dischargeTime", "2026-11-30T14:00:00");
                details.put("disposition", "03");
            }
            case INTERPRETER -> {
                details.put("language", "SPA");
                details.put("languageText", "Spanish");
                details.put("languageCode", "es");
                details.put("pointOfCare", "4WEST");
                details.put("room", "412");
                details.put("bed", "B");
            }
            case SERVICE -> {
                details.put("referral", Map.of("id", "R-5521", "type", "Home care", "effectiveDate", "2026-12-05"));
                details.put("referredTo", Map.of("id", "HHA-77", "family", "SUNSHINE HOME HEALTH"));
                details.put("diagnosis", Map.of("code", "I50.9", "text", "Heart failure, unspecified"));
            }
        }
        Map<String, Object> patient = Map.of("family", "GARCIA", "given", "MARIA", "birthDate", "1958-02-14",
                "gender", "F", "language", "SPA", "languageCode", "es", "patientClass", "I");
        WorkItem item = new WorkItem(42, "X", cancel ? WorkItemStatus.CANCELLED : WorkItemStatus.QUEUED, "900123",
                "VN77001", "", details, patient, PatientLocation.UNKNOWN, null, "vendor", null, Map.of(),
                Instant.parse("2026-11-30T19:30:00Z"), Priority.URGENT, null, Instant.parse("2026-11-27T08:30:00Z"),
                Instant.parse("2026-11-27T08:30:00Z"), 7L);
        Vendor vendor = new Vendor("X", "q", 1, URI.create("https://vendor.example.org/fhir"), null, event, kind, null,
                null, null, 0, null, kind == RequestKind.SERVICE ? event : null, event.replace('-', ' '));
        return new VendorRequest("liaison-hub/work-item/42/1/" + (cancel ? "cancel" : "request"),
                Instant.parse("2026-11-27T08:30:01Z"), cancel, item, "vendor", vendor);
    }
}
