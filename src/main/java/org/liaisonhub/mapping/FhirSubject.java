package org.liaisonhub.mapping;

import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR resource to map, with what the ingest found for it: the Patient it is about, the Encounter (the visit)
 * it belongs to, and how to resolve other references.
 *
 * @param patient   the Patient, or null when none could be found
 * @param encounter the visit's Encounter, or null for work without a visit
 * @param resolver  a reference ({@code Patient/123}, a bundle's {@code urn:uuid:...}) to the resource, or null
 */
public record FhirSubject(Resource resource, Resource patient, Resource encounter,
        Function<String, Resource> resolver) {
}
