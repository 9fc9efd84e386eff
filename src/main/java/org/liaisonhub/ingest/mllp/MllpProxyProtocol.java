package org.liaisonhub.ingest.mllp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * The PROXY protocol (v1 and v2) on connections from {@code hub.mllp.trusted-proxies}: a TCP load balancer in front
 * of the listener names the sender before anything else, and the connection then counts as the sender's: the
 * allow-list, the connection limits, the audit and the stored messages see the sender's address, not the
 * balancer's. Nothing else is read, and the connection is not admitted, before that header. From any other address
 * no header is expected and none is believed. First in the pipeline, ahead of TLS; one instance per connection.
 */
class MllpProxyProtocol extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<InetSocketAddress> SENDER_ADDRESS = AttributeKey.valueOf("liaison.mllp.client");

    private final SenderAddresses trusted;

    MllpProxyProtocol(SenderAddresses trusted) {
        this.trusted = trusted;
    }

    /** The sender's address: as its load balancer named it, else the connection's peer. */
    static InetSocketAddress sender(Channel channel) {
        InetSocketAddress named = channel.attr(SENDER_ADDRESS).get();
        return named != null ? named : (InetSocketAddress) channel.remoteAddress();
    }

    /** The sender's address as text, when a load balancer named it; null otherwise. */
    static String namedSender(Channel channel) {
        InetSocketAddress named = channel.attr(SENDER_ADDRESS).get();
        return named == null ? null : named.getAddress().getHostAddress() + ":" + named.getPort();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        if (peer != null && !trusted.allowsEveryone() && trusted.allows(peer.getAddress())) {
            // the connection becomes active for the rest of the pipeline once the header has named the sender
            ctx.pipeline().addBefore(ctx.name(), "proxy-protocol", new HAProxyMessageDecoder());
            return;
        }
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null) {
                ctx.channel().attr(SENDER_ADDRESS).set(new InetSocketAddress(header.sourceAddress(),
                        header.sourcePort()));
            }
        } finally {
            header.release();
        }
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }
}
