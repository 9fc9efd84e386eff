package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liaisonhub.support.FhirResources.patient;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.FhirIntegrationTest;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;

/**
 * Appointments sent as FHIR Appointments with HAPI's generic client, as an EHR's scheduling module does: the same
 * liaison work as over SIU, and one set of items when the same appointment arrives both ways. The hospital is in
 * Chicago.
 */
class SchedulingOverFhirTest extends FhirIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String FILLER = "http://terminology.hl7.org/CodeSystem/v2-0203";

    @Test
    void anAppointmentBySiuThenByFhirMeetsOneSetOfItems() {
        ZonedDateTime start = inTenDays();
        String mrn = TestIds.mrn();
        String appointmentId = "A-" + TestIds.controlId();
        Fixtures siu = Fixtures.fresh().with("MRN", mrn).with("EVENT", "S12").with("VERSION", "2.5.1")
                .with("APPOINTMENT", appointmentId)
                .with("START", start.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        try (MllpTestClient scheduler = mllp()) {
            assertThat(scheduler.send(siu.hl7("siu-appointment-interpreter-transport")).code()).isEqualTo("AA");
        }
        List<String> bySiu = identities(mrn);
        assertThat(bySiu).containsExactlyInAnyOrder("INTERPRETER " + appointmentId,
                "TRANSPORT " + appointmentId + "|to-appointment", "TRANSPORT " + appointmentId + "|from-appointment");
        List<Long> ids = ids(mrn);

        ehr().transaction().withBundle(booked(mrn, appointmentId, start, AppointmentStatus.BOOKED)).execute();

        assertThat(identities(mrn)).isEqualTo(bySiu);
        assertThat(ids(mrn)).as("the same items, not a second set").isEqualTo(ids);
    }

    @Test
    void aBookedAppointmentOpensItsWorkAndARescheduleAndACancelFollowIt() {
        ZonedDateTime start = inTenDays();
        String mrn = TestIds.mrn();
        String appointmentId = "A-" + TestIds.controlId();
        ehr().transaction().withBundle(booked(mrn, appointmentId, start, AppointmentStatus.BOOKED)).execute();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(itemsOf(mrn)).containsExactlyInAnyOrder(
                "INTERPRETER SENT", "TRANSPORT SENT", "TRANSPORT SENT"));
        JsonNode there = item(mrn, appointmentId + "|to-appointment");
        assertThat(there.at("/details/pickup/address/line").asText()).isEqualTo("1200 W HARRISON ST");
        assertThat(there.at("/details/pickupTime").asText()).isEqualTo(start.minusHours(1).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(there.at("/details/destination/name").asText()).isEqualTo("Cardiology Clinic");
        assertThat(there.get("due").asText()).isEqualTo(start.minusDays(1).toInstant().toString());

        ZonedDateTime later = start.plusDays(1);
        ehr().update().resource(appointment(mrn, appointmentId, later, AppointmentStatus.BOOKED)).execute();
        assertThat(item(mrn, appointmentId).get("due").asText()).isEqualTo(later.minusDays(1).toInstant().toString());
        assertThat(itemsOf(mrn)).hasSize(3);

        ehr().update().resource(appointment(mrn, appointmentId, later, AppointmentStatus.CANCELLED)).execute();
        assertThat(itemsOf(mrn)).containsOnly("INTERPRETER CANCELLED", "TRANSPORT CANCELLED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(vendorRequests("transport", mrn).stream()
                .filter(r -> r.getBodyAsString().contains("transport-cancel"))).hasSize(2));
    }

    @Test
    void aTranslatorParticipantAsksForAnInterpreterForAnEnglishSpeakerAndANoShowReleasesIt() {
        String mrn = TestIds.mrn();
        String appointmentId = "A-" + TestIds.controlId();
        Bundle bundle = booked(mrn, appointmentId, inTenDays(), AppointmentStatus.BOOKED);
        Patient english = (Patient) bundle.getEntryFirstRep().getResource();
        english.getCommunicationFirstRep().getLanguage().getCodingFirstRep().setCode("en").setDisplay("English");
        english.getCommunicationFirstRep().getLanguage().setText("English");
        Appointment appointment = (Appointment) bundle.getEntry().get(2).getResource();
        appointment.getServiceType().clear();
        appointment.addParticipant().setStatus(ParticipationStatus.NEEDSACTION).addType(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "TRANS", "Translator")));
        ehr().transaction().withBundle(bundle).execute();
        assertThat(itemsOf(mrn)).singleElement().asString().startsWith("INTERPRETER ");

        appointment.setStatus(AppointmentStatus.NOSHOW);
        ehr().update().resource(appointment).execute();
        assertThat(itemsOf(mrn)).containsExactly("INTERPRETER CANCELLED");
    }

    @Test
    void anAppointmentAlreadyPastOpensNothing() {
        String mrn = TestIds.mrn();
        ehr().transaction().withBundle(booked(mrn, "A-" + TestIds.controlId(),
                ZonedDateTime.now(CHICAGO).minusDays(1), AppointmentStatus.BOOKED)).execute();
        assertThat(itemsOf(mrn)).isEmpty();
    }

    private static ZonedDateTime inTenDays() {
        return LocalDateTime.now(CHICAGO).plusDays(10).withHour(14).withMinute(0).withSecond(0).withNano(0)
                .atZone(CHICAGO);
    }

    /**
     * What siu-appointment-interpreter-transport.hl7 says, as FHIR: a Spanish-speaking patient at home in Chicago,
     * the cardiology clinic, and the appointment (45 minutes, service type TRANSPORT) with its filler id.
     */
    private static Bundle booked(String mrn, String appointmentId, ZonedDateTime start, AppointmentStatus status) {
        Patient patient = patient("p-" + mrn, mrn, "es", "Spanish");
        patient.addAddress().setUse(Address.AddressUse.HOME).addLine("1200 W HARRISON ST").addLine("APT 4")
                .setCity("CHICAGO").setState("IL").setPostalCode("60607");
        Location clinic = new Location().setName("Cardiology Clinic");
        clinic.setId("cardclinic");
        Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
        for (Resource resource : List.of(patient, clinic, appointment(mrn, appointmentId, start, status))) {
            String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            transaction.addEntry().setFullUrl("https://ehr.example.org/fhir/" + reference).setResource(resource)
                    .getRequest().setMethod(HTTPVerb.PUT).setUrl(reference);
        }
        return transaction;
    }

    private static Appointment appointment(String mrn, String appointmentId, ZonedDateTime start,
            AppointmentStatus status) {
        Appointment appointment = new Appointment().setStatus(status);
        appointment.setId("appt-" + appointmentId);
        appointment.addIdentifier().setSystem("urn:oid:1.2.840.114350.1.13.0.1.7.3.698084.8").setValue(appointmentId)
                .setType(new CodeableConcept(new Coding(FILLER, "FILL", "Filler Identifier")));
        DateTimeFormatter instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        appointment.setStartElement(new InstantType(start.format(instant)));
        appointment.setEndElement(new InstantType(start.plusMinutes(45).format(instant)));
        appointment.setMinutesDuration(45);
        appointment.addServiceType(new CodeableConcept(new Coding("https://hospital.example.org/appointment-service",
                "TRANSPORT", "Needs a ride")));
        appointment.addParticipant().setStatus(ParticipationStatus.ACCEPTED)
                .setActor(new Reference("Patient/p-" + mrn));
        appointment.addParticipant().setStatus(ParticipationStatus.ACCEPTED)
                .setActor(new Reference("Location/cardclinic").setDisplay("Cardiology Clinic"));
        return appointment;
    }

    /** Each item as "TYPE key", in key order. */
    private List<String> identities(String mrn) {
        List<String> identities = new ArrayList<>();
        workItemsOf(mrn).forEach(item -> identities.add(item.get("type").asText() + " " + item.get("key").asText()));
        return identities.stream().sorted().toList();
    }

    private List<Long> ids(String mrn) {
        List<Long> ids = new ArrayList<>();
        workItemsOf(mrn).forEach(item -> ids.add(item.get("id").asLong()));
        return ids.stream().sorted().toList();
    }

    private JsonNode item(String mrn, String key) {
        for (JsonNode item : workItemsOf(mrn)) {
            if (item.get("key").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no item with key " + key);
    }
}
