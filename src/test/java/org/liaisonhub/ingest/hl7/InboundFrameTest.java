package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding what arrived without losing a byte of it. */
class InboundFrameTest {

    private static final String HEADER = "MSH|^~\\&|EPIC|GH|LH|GH|20261127||ADT^A01|C1|P|2.5.1|||||";

    @Test
    void msh18SelectsTheCharacterSet() {
        String text = HEADER + "|8859/1\rPID|1||1||MÜLLER^JÖRG\r";
        InboundFrame frame = InboundFrame.decode(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(frame.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(frame.text()).contains("MÜLLER^JÖRG");
    }

    @Test
    void withoutMsh18TheDefaultCharacterSetIsUsed() {
        String text = HEADER + "\rPID|1||1||MÜLLER^JÖRG\r";
        InboundFrame frame = InboundFrame.decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(frame.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(frame.text()).contains("MÜLLER^JÖRG");
    }

    @Test
    void bytesInvalidInTheCharacterSetAreReadAsLatin1SoTheExactBytesCanBeRestored() {
        byte[] latin1 = (HEADER + "\rPID|1||1||MÜLLER\r").getBytes(StandardCharsets.ISO_8859_1);
        InboundFrame frame = InboundFrame.decode(latin1, StandardCharsets.UTF_8);
        assertThat(frame.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(frame.text().getBytes(frame.charset())).isEqualTo(latin1);
    }

    @Test
    void normalisedTextSeparatesSegmentsWithCarriageReturnsOnly() {
        String text = "\uFEFF \n" + HEADER + "\r\nPID|1\nPV1|1\r";
        InboundFrame frame = InboundFrame.decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(frame.normalizedText()).isEqualTo(HEADER + "\rPID|1\rPV1|1\r");
        assertThat(frame.text()).as("the text as received is kept").isEqualTo(text);
    }
}
