package org.liaisonhub.ingest.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import org.liaisonhub.ingest.mllp.MllpProperties.Connections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one MLLP connection well-behaved. A sender that half-closes after its last message still gets the
 * acknowledgements for everything it sent, then the connection is closed. A sender that never reads its
 * acknowledgements is not read from either once they pile up (no unbounded buffering), and other connections are
 * unaffected. A connection idle for {@code idle-timeout} is closed. With {@code max-messages-per-second}, messages
 * are passed on at that pace and the socket is not read while some wait, so a fast sender is slowed, not refused.
 * One instance per connection, placed after the frame decoder.
 */
class MllpConnectionGuard extends ChannelInboundHandlerAdapter {

    /** Camel's name for the handler that runs the route, on the connection's own executor. */
    private static final String ROUTE_HANDLER = "handler";
    private static final Logger log = LoggerFactory.getLogger(MllpConnectionGuard.class);

    private final Connections limits;
    private final long nanosPerMessage;
    /** When the next message may be passed on; only touched on the connection's event loop. */
    private long nextSlot;
    private int waiting;
    private boolean writable = true;

    MllpConnectionGuard(Connections limits) {
        this.limits = limits;
        this.nanosPerMessage = limits.maxMessagesPerSecond() == 0 ? 0
                : TimeUnit.SECONDS.toNanos(1) / limits.maxMessagesPerSecond();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ctx.pipeline().addBefore(ctx.name(), "idle", new IdleStateHandler(0, 0,
                limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) throws Exception {
        if (nanosPerMessage == 0) {
            super.channelRead(ctx, frame);
            return;
        }
        long now = System.nanoTime();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + nanosPerMessage;
        if (slot <= now && waiting == 0) {
            super.channelRead(ctx, frame);
            return;
        }
        waiting++;
        updateAutoRead(ctx);
        ctx.executor().schedule(() -> {
            waiting--;
            updateAutoRead(ctx);
            // a message whose connection closed while it waited was never acknowledged: the sender sends it again
            if (ctx.channel().isActive()) {
                ctx.fireChannelRead(frame);
            }
        }, slot - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            // queued behind the messages already handed to the route, so it runs after their acknowledgements
            ChannelHandlerContext route = ctx.pipeline().context(ROUTE_HANDLER);
            EventExecutor executor = route == null ? ctx.executor() : route.executor();
            long delay = waiting == 0 ? 0 : Math.max(0, nextSlot - System.nanoTime());
            ctx.executor().schedule(() -> executor.execute(() -> ctx.channel().close()), delay, TimeUnit.NANOSECONDS);
        } else if (event instanceof IdleStateEvent) {
            log.info("MLLP connection from {} closed after {} idle", ctx.channel().remoteAddress(),
                    limits.idleTimeout());
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        writable = ctx.channel().isWritable();
        updateAutoRead(ctx);
        super.channelWritabilityChanged(ctx);
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(writable && waiting == 0);
    }
}
