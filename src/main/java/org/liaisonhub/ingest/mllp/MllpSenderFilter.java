package org.liaisonhub.ingest.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection from an address outside {@code hub.mllp.allowed-senders} before it can send anything, and
 * records it; also records a failed TLS handshake (a sender without a trusted client certificate). Audit rows are
 * written off the network thread. One instance per connection.
 */
class MllpSenderFilter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MllpSenderFilter.class);

    private final SenderAddresses allowed;
    private final AuditTrail audit;
    private final Executor auditWriter;

    MllpSenderFilter(SenderAddresses allowed, AuditTrail audit, Executor auditWriter) {
        this.allowed = allowed;
        this.audit = audit;
        this.auditWriter = auditWriter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        if (peer != null && !allowed.allows(peer.getAddress())) {
            String sender = peer.getAddress().getHostAddress();
            log.warn("MLLP connection from {} refused: not in hub.mllp.allowed-senders", sender);
            auditWriter.execute(() -> audit.record("mllp:" + sender, AuditEvent.CONNECTION_REFUSED, null, null, "MLLP",
                    "mllp", 0, sender, "not in hub.mllp.allowed-senders"));
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
            String sender = peer == null ? "unknown" : peer.getAddress().getHostAddress();
            String cause = handshake.cause() == null ? "unknown" : handshake.cause().getClass().getSimpleName();
            log.warn("MLLP TLS handshake with {} failed: {}", sender, cause);
            auditWriter.execute(() -> audit.record("mllp:" + sender, AuditEvent.AUTHENTICATION_FAILED, null, null,
                    "MLLP", "mllp", 0, sender, "TLS handshake failed: " + cause));
        }
        super.userEventTriggered(ctx, event);
    }
}
