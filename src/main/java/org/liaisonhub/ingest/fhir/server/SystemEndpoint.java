package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.liaisonhub.ingest.fhir.BundleIntake;
import org.liaisonhub.ingest.fhir.FhirRequest;

/** {@code POST /fhir}: Bundles of type transaction, batch, collection and message. */
final class SystemEndpoint {

    private final BundleIntake intake;

    SystemEndpoint(BundleIntake intake) {
        this.intake = intake;
    }

    @Transaction
    public Bundle receive(@TransactionParam Bundle bundle, RequestDetails call) {
        FhirRequest request = FhirCalls.take(call, BundleIntake.kindOf(bundle), FhirCalls.rawText(call), null, null);
        return intake.receive(request, bundle);
    }
}
