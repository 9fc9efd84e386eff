package org.liaisonhub.store;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One stored message with its raw text as received, the acknowledgement the sender got (null when none was sent)
 * and the work-item changes it caused.
 */
public record StoredMessageDetail(@JsonUnwrapped StoredMessage message, String raw, String acknowledgement,
        List<MessageEffect> effects) {
}
