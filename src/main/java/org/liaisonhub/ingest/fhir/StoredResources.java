package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the hub knows beyond a request: the resources it received before (by relative reference, or absolute on the
 * EHR's server), then the EHR's FHIR server.
 */
final class StoredResources implements KnownResources {

    private final FhirContext fhir;
    private final FhirResourceIndex index;
    private final EhrFhirServer ehr;

    StoredResources(FhirContext fhir, FhirResourceIndex index, EhrFhirServer ehr) {
        this.fhir = fhir;
        this.index = index;
        this.ehr = ehr;
    }

    @Override
    public Optional<Resource> find(String reference) {
        IdType id = new IdType(reference);
        if (id.hasResourceType() && id.hasIdPart() && ehr.serves(id)) {
            Optional<Resource> stored = index.find(id.getResourceType(), id.getIdPart()).map(this::parse);
            if (stored.isPresent()) {
                return stored;
            }
        }
        return ehr.read(reference);
    }

    @Override
    public Optional<Resource> openEncounterOf(String patientRef) {
        return index.openEncounterOf(patientRef).map(this::parse);
    }

    private Resource parse(String body) {
        return (Resource) fhir.newJsonParser().parseResource(body);
    }
}
