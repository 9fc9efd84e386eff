package org.liaisonhub.ingest.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources a request's references can reach beyond the request itself: those the hub received before and the
 * EHR's server ({@link StoredResources}), or a trial's earlier messages ({@code ingest.MessageTrial}).
 */
interface KnownResources {

    /** The resource a reference ({@code Patient/123}, or absolute) names, if known. */
    Optional<Resource> find(String reference);

    /** The patient's open visit, if one is known. */
    Optional<Resource> openEncounterOf(String patientRef);
}
