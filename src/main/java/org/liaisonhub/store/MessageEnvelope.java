package org.liaisonhub.store;

import java.time.Instant;
import org.liaisonhub.platform.Text;

/**
 * Where a message came from and what it says it is, as read from its header when it arrived. Values longer than
 * their column are cut, so that storing what arrived can never fail because a sender filled a field with junk.
 *
 * @param charset    the character set the raw text was decoded with (and restores the bytes received)
 * @param patientMrn the MRN of the patient the message is about, when it names one (for searching)
 */
public record MessageEnvelope(
        String channel,
        Instant receivedAt,
        String remoteAddress,
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String triggerEvent,
        String controlId,
        String version,
        String charset,
        int sizeBytes,
        String patientMrn) {

    public MessageEnvelope {
        remoteAddress = fit(remoteAddress, 255);
        sendingApplication = fit(sendingApplication, 255);
        sendingFacility = fit(sendingFacility, 255);
        receivingApplication = fit(receivingApplication, 255);
        receivingFacility = fit(receivingFacility, 255);
        messageType = fit(messageType, 16);
        triggerEvent = fit(triggerEvent, 16);
        controlId = fit(controlId, 255);
        version = fit(version, 16);
        patientMrn = fit(patientMrn, 255);
    }

    static String fit(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Text.fit(value, max);
    }
}
