package org.liaisonhub.ingest.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.concurrent.EventExecutor;

/**
 * Keeps one MLLP connection well-behaved. A sender that half-closes after its last message still gets the
 * acknowledgements for everything it sent, then the connection is closed. A sender that never reads its
 * acknowledgements is not read from either once they pile up (no unbounded buffering), and other connections are
 * unaffected. One instance per connection, placed after the frame decoder.
 */
class MllpConnectionGuard extends ChannelInboundHandlerAdapter {

    /** Camel's name for the handler that runs the route, on the connection's own executor. */
    private static final String ROUTE_HANDLER = "handler";

    private final MllpConnections connections;

    MllpConnectionGuard(MllpConnections connections) {
        this.connections = connections;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        connections.opened();
        ctx.channel().closeFuture().addListener(closed -> connections.closed());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            // queued behind the messages already handed to the route, so it runs after their acknowledgements
            ChannelHandlerContext route = ctx.pipeline().context(ROUTE_HANDLER);
            EventExecutor executor = route == null ? ctx.executor() : route.executor();
            executor.execute(() -> ctx.channel().close());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }
}
