package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.liaisonhub.store.MessageReprocessor;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * Processes a stored FHIR request again the way it arrived (its stored trigger event says how). Ids the hub gave
 * derive from the message id, so a resource created again is the same resource, and work items are matched.
 */
@Component
class FhirReprocessor implements MessageReprocessor {

    private final ResourceIntake resources;
    private final BundleIntake bundles;
    private final NotificationIntake notifications;
    private final FhirIngestService ingest;
    private final MessageStore store;

    FhirReprocessor(ResourceIntake resources, BundleIntake bundles, NotificationIntake notifications,
            FhirIngestService ingest, MessageStore store) {
        this.resources = resources;
        this.bundles = bundles;
        this.notifications = notifications;
        this.ingest = ingest;
        this.store = store;
    }

    @Override
    public boolean handles(String channel) {
        return FhirIngestService.CHANNEL.equals(channel);
    }

    @Override
    public MessageStatus reprocess(StoredMessage message, String rawText) {
        FhirRequest.Kind kind = FhirRequest.Kind.ofEvent(message.envelope().triggerEvent());
        FhirRequest request = new FhirRequest(kind, rawText, message.envelope().messageType(), null,
                message.envelope().sendingApplication(), message.envelope().remoteAddress(), null, null, message.id());
        try {
            switch (kind) {
                case CREATE -> resources.create(request);
                case UPDATE -> resources.update(request);
                case NOTIFICATION -> notifications.receive(request);
                default -> {
                    IBaseResource parsed = ingest.parse(request);
                    if (parsed instanceof Bundle bundle) {
                        bundles.receive(request, bundle);
                    } else {
                        ingest.reject(request, parsed.fhirType(), null, "Not a Bundle", 400);
                    }
                }
            }
        } catch (BaseServerResponseException answered) {
            // the outcome, an error this time, is recorded with the message
        }
        return store.find(message.id()).map(StoredMessage::status).orElseThrow();
    }
}
