package org.liaisonhub.ingest.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The payload of one MLLP frame, decoded. The character set is MSH-18's, else the configured default. Bytes that
 * are not valid in it are decoded as ISO-8859-1 instead, which maps every byte: the text then still reproduces the
 * exact bytes received, so the store never loses what a sender sent. A message too large to keep has only its
 * first segment here, and its size as sent.
 */
public record InboundFrame(byte[] bytes, String text, Charset charset, int size) {

    public static InboundFrame decode(byte[] bytes, Charset defaultCharset) {
        return decode(bytes, bytes.length, defaultCharset);
    }

    /** A frame of which {@code bytes} may be only the head of the {@code size} bytes sent. */
    public static InboundFrame decode(byte[] bytes, int size, Charset defaultCharset) {
        Charset declared = declaredCharset(bytes).orElse(defaultCharset);
        try {
            String text = declared.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new InboundFrame(bytes, text, declared, size);
        } catch (CharacterCodingException notValidInDeclared) {
            return new InboundFrame(bytes, new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1,
                    size);
        }
    }

    /** The text as HAPI parses it: segments separated by {@code \r} only, no byte-order mark, no leading blanks. */
    public String normalizedText() {
        String text = this.text.replace("\r\n", "\r").replace('\n', '\r');
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start);
    }

    /** MSH-18 read from the raw bytes (the header is ASCII in every character set HL7 v2 allows there). */
    private static Optional<Charset> declaredCharset(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return MshHeader.read(start.replace("\r\n", "\r").replace('\n', '\r').stripLeading())
                .map(MshHeader::characterSet)
                .filter(name -> !name.isEmpty())
                .flatMap(Hl7CharacterSets::forHl7Name);
    }
}
