package org.liaisonhub.ingest.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the MLLP byte stream into HL7 messages: {@code <VT> message <FS><CR>}. Every complete frame in the stream is
 * delivered, also when a sender writes several without waiting for acknowledgements (camel-mllp 4.17 drops all but
 * the first frame of one read, CAMEL-24668, which is why the listener is built on camel-netty). Bytes outside a
 * frame are skipped and counted, never logged: they may be patient data. A frame that grows beyond
 * {@code maxMessageSize} is not buffered further: its first segment (the MSH) is kept, the rest skipped up to the
 * end of the frame, and it is delivered as a truncated {@link MllpFrame} with its full size, to be answered and
 * recorded as too large. One instance per connection.
 */
class MllpFrameDecoder extends ByteToMessageDecoder {

    static final byte START_BLOCK = 0x0b;
    static final byte END_BLOCK = 0x1c;
    static final byte CARRIAGE_RETURN = 0x0d;
    /** At most this much of an oversized message is kept, when its first segment does not end sooner. */
    static final int MAX_HEAD = 4096;

    private static final Logger log = LoggerFactory.getLogger(MllpFrameDecoder.class);

    private final int maxMessageSize;
    private boolean inFrame;
    /** Bytes of the current frame already searched for its end, so that large frames are scanned once. */
    private int scanned;
    /** The first segment of a frame grown too large, whose remaining bytes are being skipped; else null. */
    private byte[] head;
    private long skipped;

    MllpFrameDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (!inFrame && !startFrame(ctx, in)) {
                return;
            }
            int end = in.indexOf(in.readerIndex() + scanned, in.writerIndex(), END_BLOCK);
            int restart = in.indexOf(in.readerIndex() + scanned, end < 0 ? in.writerIndex() : end, START_BLOCK);
            if (restart >= 0) {
                log.warn("MLLP frame from {} abandoned after {} bytes: a new frame started before it ended",
                        ctx.channel().remoteAddress(), skipped + restart - in.readerIndex());
                in.readerIndex(restart + 1);
                resetFrame();
                inFrame = true;
                continue;
            }
            if (end < 0) {
                if (head == null && in.readableBytes() > maxMessageSize) {
                    head = head(in, in.readableBytes());
                }
                if (head != null) {
                    skipped += in.readableBytes();
                    in.skipBytes(in.readableBytes());
                    scanned = 0;
                } else {
                    scanned = in.readableBytes();
                }
                return;
            }
            int length = end - in.readerIndex();
            if (head == null && length > maxMessageSize) {
                head = head(in, length);
            }
            out.add(head == null
                    ? new MllpFrame(ByteBufUtil.getBytes(in, in.readerIndex(), length), length, sender(ctx),
                            MllpProxyProtocol.namedSender(ctx.channel()))
                    : new MllpFrame(head, (int) Math.min(Integer.MAX_VALUE, skipped + length), sender(ctx),
                            MllpProxyProtocol.namedSender(ctx.channel())));
            in.readerIndex(end + 1);
            resetFrame();
        }
    }

    private void resetFrame() {
        inFrame = false;
        scanned = 0;
        head = null;
        skipped = 0;
    }

    /**
     * The frame's first segment, which names the sender and the message: at most {@link #MAX_HEAD} bytes, and less
     * than the limit, of the {@code available} bytes of the frame at hand.
     */
    private byte[] head(ByteBuf in, int available) {
        int limit = in.readerIndex() + Math.min(Math.min(MAX_HEAD, maxMessageSize), available);
        int from = in.readerIndex();
        while (from < limit && (in.getByte(from) == CARRIAGE_RETURN || in.getByte(from) == '\n')) {
            from++;
        }
        int cr = in.indexOf(from, limit, CARRIAGE_RETURN);
        int lf = in.indexOf(from, limit, (byte) '\n');
        int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        return ByteBufUtil.getBytes(in, in.readerIndex(), (end < 0 ? limit : end) - in.readerIndex());
    }

    private static MllpSender sender(ChannelHandlerContext ctx) {
        return ctx.channel().attr(MllpSenderFilter.SENDER).get();
    }
    /** Skips to the next start of block; false when there is none yet. */
    private boolean startFrame(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
        int skipped = (start < 0 ? in.writerIndex() : start) - in.readerIndex();
        if (skipped > 0 && !onlyLineEnds(in, in.readerIndex(), skipped)) {
            log.warn("Ignored {} bytes outside MLLP framing from {}", skipped, ctx.channel().remoteAddress());
        }
        in.skipBytes(skipped);
        if (start < 0) {
            return false;
        }
        in.skipBytes(1);
        inFrame = true;
        scanned = 0;
        return true;
    }

    /** The CR that ends a frame (or a stray line end between frames) is not worth a warning. */
    private static boolean onlyLineEnds(ByteBuf in, int from, int length) {
        for (int i = from; i < from + length; i++) {
            byte b = in.getByte(i);
            if (b != CARRIAGE_RETURN && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
