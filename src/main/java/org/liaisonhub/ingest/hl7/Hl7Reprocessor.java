package org.liaisonhub.ingest.hl7;

import java.nio.charset.Charset;
import org.liaisonhub.store.MessageReprocessor;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.StoredMessage;
import org.springframework.stereotype.Component;

/** Reprocesses stored HL7 v2 messages from their raw text, in the character set they arrived in. */
@Component
class Hl7Reprocessor implements MessageReprocessor {

    private final Hl7IngestService ingest;

    Hl7Reprocessor(Hl7IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public boolean handles(String channel) {
        return Hl7IngestService.CHANNEL.equals(channel);
    }

    @Override
    public MessageStatus reprocess(StoredMessage message, String rawText) {
        Charset charset = Charset.forName(message.envelope().charset());
        byte[] bytes = rawText.getBytes(charset);
        // a message stored as its header only (too large) stays too large
        int size = Math.max(bytes.length, message.envelope().sizeBytes());
        return ingest.reprocess(message.id(), InboundFrame.decode(bytes, size, charset)).status();
    }
}
