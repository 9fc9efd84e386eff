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
 * {@code maxFrameSize} closes the connection, so a runaway sender cannot exhaust memory. One instance per
 * connection.
 */
class MllpFrameDecoder extends ByteToMessageDecoder {

    static final byte START_BLOCK = 0x0b;
    static final byte END_BLOCK = 0x1c;
    static final byte CARRIAGE_RETURN = 0x0d;

    private static final Logger log = LoggerFactory.getLogger(MllpFrameDecoder.class);

    private final int maxFrameSize;
    private boolean inFrame;
    /** Bytes of the current frame already searched for its end, so that large frames are scanned once. */
    private int scanned;

    MllpFrameDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
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
                        ctx.channel().remoteAddress(), restart - in.readerIndex());
                in.readerIndex(restart + 1);
                scanned = 0;
                continue;
            }
            if (end < 0) {
                scanned = in.readableBytes();
                if (scanned > maxFrameSize) {
                    log.warn("MLLP frame from {} exceeds {} bytes: closing the connection", ctx.channel().remoteAddress(),
                            maxFrameSize);
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                }
                return;
            }
            out.add(ByteBufUtil.getBytes(in, in.readerIndex(), end - in.readerIndex()));
            in.readerIndex(end + 1);
            inFrame = false;
            scanned = 0;
        }
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
