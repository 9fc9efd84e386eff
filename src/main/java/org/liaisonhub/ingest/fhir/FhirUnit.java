package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.liaisonhub.mapping.FhirSubject;

/**
 * The resources of one request (a resource, a bundle, a notification), processed together: each has a
 * server id ({@code Type/id}), references between them are rewritten to those ids, and a reference is resolved
 * first among them, then among the {@link KnownResources} (in the hub: those received before, then the EHR's server).
 */
final class FhirUnit {

    private final FhirContext fhir;
    private final KnownResources known;
    private final String mrnSystem;
    private final Map<String, Resource> byReference = new HashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    FhirUnit(FhirContext fhir, KnownResources known, String mrnSystem) {
        this.fhir = fhir;
        this.known = known;
        this.mrnSystem = mrnSystem;
    }

    /**
     * Adds a resource under its id, or under {@code fallbackId} when it has none; {@code alias} is another name it
     * goes by in the request (a bundle entry's fullUrl).
     */
    void add(Resource resource, String fallbackId, String alias) {
        if (!resource.hasIdElement() || !resource.getIdElement().hasIdPart() || resource.getIdElement().getIdPart()
                .startsWith("urn:")) {
            resource.setId(fallbackId);
        }
        String reference = reference(resource);
        resource.setId(reference);
        resources.put(reference, resource);
        byReference.put(reference, resource);
        if (alias != null && !alias.isBlank()) {
            byReference.put(alias, resource);
        }
    }

    /** Points references between the unit's resources at the server ids (a bundle's urn:uuid fullUrls). */
    void linkReferences() {
        for (Resource resource : resources.values()) {
            for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                Resource target = ref.hasReference() ? byReference.get(ref.getReference()) : null;
                if (target != null) {
                    ref.setReference(reference(target));
                }
            }
        }
    }

    List<Resource> resources() {
        return new ArrayList<>(resources.values());
    }

    static String reference(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    /** What the mapping rules need for one of the unit's resources. */
    FhirSubject subject(Resource resource) {
        Resource patient = patientOf(resource);
        return new FhirSubject(resource, patient, encounterOf(resource, patient), this::resolve);
    }

    /**
     * The patient the resource is about ({@code Patient/123}), as the index keeps it: named by the resource even when
     * the patient is not known yet, so that the visit is found once the patient comes.
     */
    String patientRefOf(Resource resource) {
        if (resource instanceof Patient) {
            return reference(resource);
        }
        Reference subject = subjectOf(resource);
        IdType named = subject == null || !subject.hasReference() ? null : new IdType(subject.getReference());
        if (named != null && "Patient".equals(named.getResourceType()) && named.hasIdPart()) {
            return "Patient/" + named.getIdPart();
        }
        Resource patient = patientOf(resource);
        return patient == null || !patient.hasIdElement() || !patient.getIdElement().hasIdPart() ? null
                : reference(patient);
    }

    /** The MRN of the patient the resource is about, when the unit knows the patient and the MRN. */
    String patientMrnOf(Resource resource) {
        return patientOf(resource) instanceof Patient patient ? patient.getIdentifier().stream()
                .filter(i -> mrnSystem.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue)
                .findFirst().orElse(null) : null;
    }

    Resource resolve(String reference) {
        if (reference == null) {
            return null;
        }
        Resource local = byReference.get(reference);
        if (local != null) {
            return local;
        }
        Optional<Resource> known = this.known.find(reference);
        known.ifPresent(r -> byReference.put(reference, r));
        return known.orElse(null);
    }

    private Resource patientOf(Resource resource) {
        if (resource instanceof Patient) {
            return resource;
        }
        Reference subject = subjectOf(resource);
        if (subject == null) {
            return null;
        }
        Resource patient = subject.hasReference() ? resolve(subject.getReference()) : null;
        if (patient == null && subject.hasIdentifier() && mrnSystem.equals(subject.getIdentifier().getSystem())) {
            // a logical reference by MRN is enough to know whose work it is
            Patient byMrn = new Patient();
            byMrn.addIdentifier(new Identifier().setSystem(mrnSystem).setValue(subject.getIdentifier().getValue()));
            return byMrn;
        }
        return patient instanceof Patient ? patient : null;
    }

    private static Reference subjectOf(Resource resource) {
        if (resource instanceof Encounter encounter) {
            return encounter.getSubject();
        }
        if (resource instanceof Coverage coverage) {
            return coverage.getBeneficiary();
        }
        if (resource instanceof ServiceRequest request) {
            return request.getSubject();
        }
        if (resource instanceof Appointment appointment) {
            return appointment.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                    .filter(a -> a.getReference() != null && a.getReference().contains("Patient/")
                            || "Patient".equals(a.getType()))
                    .findFirst().orElse(null);
        }
        return null;
    }

    /** The visit: the Encounter itself, the one it names, or the patient's open one (in this unit, then known). */
    private Resource encounterOf(Resource resource, Resource patient) {
        if (resource instanceof Encounter) {
            return resource;
        }
        if (resource instanceof ServiceRequest request && request.hasEncounter()) {
            return resolve(request.getEncounter().getReference());
        }
        if (resource instanceof Appointment || patient == null || !patient.hasIdElement()
                || !patient.getIdElement().hasIdPart()) {
            return null;
        }
        String patientRef = reference(patient);
        Encounter open = null;
        for (Resource candidate : resources.values()) {
            if (candidate instanceof Encounter encounter && patientRef.equals(patientRefOf(encounter))
                    && encounter.hasStatus() && FhirResourceIndex.OPEN_VISIT.contains(encounter.getStatus().toCode())) {
                open = encounter;
            }
        }
        return open != null ? open : known.openEncounterOf(patientRef).orElse(null);
    }
}
