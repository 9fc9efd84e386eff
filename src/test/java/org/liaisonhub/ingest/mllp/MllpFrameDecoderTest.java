package org.liaisonhub.ingest.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** MLLP framing byte by byte, without a network. */
class MllpFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(64));

    @Test
    void aFrameIsDeliveredWithoutItsEnvelope() {
        feed("\u000bMSH|1\u001c\r");
        assertThat(next()).isEqualTo("MSH|1");
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void severalFramesInOneReadAreAllDelivered() {
        feed("\u000bA\u001c\r\u000bB\u001c\r\u000bC\u001c\r");
        assertThat(next()).isEqualTo("A");
        assertThat(next()).isEqualTo("B");
        assertThat(next()).isEqualTo("C");
    }

    @Test
    void aFrameSplitAcrossReadsIsDeliveredOnceComplete() {
        feed("\u000bMSH|");
        assertThat(channel.<Object>readInbound()).isNull();
        feed("PID\u001c");
        feed("\r");
        assertThat(next()).isEqualTo("MSH|PID");
    }

    @Test
    void bytesOutsideFramesAreSkipped() {
        feed("junk\r\n\u000bA\u001c\rmore junk\u000bB\u001c\r");
        assertThat(next()).isEqualTo("A");
        assertThat(next()).isEqualTo("B");
    }

    @Test
    void anEmptyFrameIsDeliveredAsAnEmptyMessage() {
        feed("\u000b\u001c\r");
        assertThat(next()).isEmpty();
    }

    @Test
    void aFrameAbandonedForANewOneIsDropped() {
        feed("\u000bhalf a mess\u000bWHOLE\u001c\r");
        assertThat(next()).isEqualTo("WHOLE");
    }

    @Test
    void aFrameLargerThanTheLimitClosesTheConnection() {
        feed("\u000b" + "x".repeat(100));
        assertThat(channel.isOpen()).isFalse();
    }

    private void feed(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private String next() {
        byte[] frame = channel.readInbound();
        assertThat(frame).as("a decoded frame").isNotNull();
        return new String(frame, StandardCharsets.ISO_8859_1);
    }
}
