package org.liaisonhub.ingest.fhir;

import java.util.Locale;

/**
 * One FHIR request as it arrived, or as it is stored when it is processed again.
 *
 * @param type     the resource type of a create or update ({@code Patient}), null for bundles and notifications
 * @param id       the id of an update ({@code PUT /fhir/Patient/123}), null otherwise
 * @param path      the endpoint, for the audit trail; null where the endpoint audits the call itself
 * @param requestId the sender's X-Request-Id: the control id of a request whose content does not name itself
 * @param storedId  the stored message when it is processed again, else null
 */
public record FhirRequest(Kind kind, String rawText, String type, String id, String principal, String remoteAddress,
        String path, String requestId, Long storedId) {

    /** What came in; stored as the message's trigger event, so a stored message is processed again the same way. */
    public enum Kind {
        CREATE, UPDATE, TRANSACTION, BATCH, COLLECTION, MESSAGE, NOTIFICATION,
        /** A bundle of a type the hub does not take, kept with its refusal. */
        BUNDLE;

        String event() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofEvent(String event) {
            return valueOf(event.toUpperCase(Locale.ROOT));
        }
    }

    boolean reprocessing() {
        return storedId != null;
    }
}
