package org.liaisonhub.ingest.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
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
    void aFrameLargerThanTheLimitKeepsOnlyItsFirstSegmentAndItsSize() {
        ByteBuf start = feed("\u000bMSH|^~\\&|EPIC\rPID|" + "x".repeat(100));
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(start.refCnt()).as("nothing of it is kept in a buffer").isZero();
        feed("y".repeat(1000) + "\u001c\r\u000bNEXT\u001c\r");
        MllpFrame oversized = channel.readInbound();
        assertThat(new String(oversized.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("MSH|^~\\&|EPIC");
        assertThat(oversized.size()).isEqualTo(18 + 100 + 1000);
        assertThat(oversized.truncated()).isTrue();
        assertThat(next()).as("the connection goes on").isEqualTo("NEXT");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anOversizedFrameEndingInOneReadIsCutAsWell() {
        feed("\u000bMSH|" + "x".repeat(100) + "\u001c\r");
        MllpFrame oversized = channel.readInbound();
        assertThat(oversized.bytes()).as("no segment end: cut at the limit").hasSize(64);
        assertThat(oversized.size()).isEqualTo(104);
    }

    private ByteBuf feed(String text) {
        ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        channel.writeInbound(bytes);
        return bytes;
    }

    private String next() {
        MllpFrame frame = channel.readInbound();
        assertThat(frame).as("a decoded frame").isNotNull();
        assertThat(frame.truncated()).isFalse();
        return new String(frame.bytes(), StandardCharsets.ISO_8859_1);
    }
}
