package org.liaisonhub.ingest.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames an acknowledgement for MLLP. Anything but bytes (Camel answers with the exception when a route failed
 * unexpectedly) closes the connection instead, so the sender, having no acknowledgement, resends the message.
 */
@ChannelHandler.Sharable
class MllpFrameEncoder extends ChannelOutboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MllpFrameEncoder.class);

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof byte[] acknowledgement) {
            ByteBuf frame = ctx.alloc().buffer(acknowledgement.length + 3);
            frame.writeByte(MllpFrameDecoder.START_BLOCK)
                    .writeBytes(acknowledgement)
                    .writeByte(MllpFrameDecoder.END_BLOCK)
                    .writeByte(MllpFrameDecoder.CARRIAGE_RETURN);
            ctx.write(frame, promise);
            return;
        }
        log.error("No acknowledgement for a message from {} ({}): closing the connection so that it is resent",
                ctx.channel().remoteAddress(), msg == null ? "nothing" : msg.getClass().getName());
        promise.setFailure(new IllegalStateException("Not an acknowledgement: " + msg));
        ctx.close();
    }
}
