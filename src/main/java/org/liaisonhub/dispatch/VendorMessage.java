package org.liaisonhub.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The message on a vendor queue: a pointer to its outbox row, which holds everything else. */
final class VendorMessage {

    static final String OUTBOX_ID = "outboxId";

    private VendorMessage() {
    }

    static long outboxId(String body, ObjectMapper json) {
        try {
            JsonNode id = json.readTree(body).get(OUTBOX_ID);
            if (id == null || !id.canConvertToLong()) {
                throw new IllegalArgumentException("A vendor queue message without " + OUTBOX_ID);
            }
            return id.asLong();
        } catch (IOException e) {
            throw new IllegalArgumentException("A vendor queue message that is not JSON", e);
        }
    }
}
