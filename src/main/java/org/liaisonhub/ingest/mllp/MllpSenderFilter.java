package org.liaisonhub.ingest.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.liaisonhub.ingest.mllp.MllpConnections.Admission;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who may talk to the listener. Before anything is read: the address must be in
 * {@code hub.mllp.allowed-senders} and within the connection limits. After the TLS handshake: a client certificate
 * must be one of {@code hub.mllp.senders} when any are configured; the sender it proves is kept on the connection
 * ({@link #SENDER}) so that every frame says which facilities it may send for. Every refusal is closed and recorded;
 * audit rows are written off the network thread. One instance per connection.
 */
class MllpSenderFilter extends ChannelInboundHandlerAdapter {

    /** The sending system the connection's client certificate proved, when senders are configured. */
    static final AttributeKey<MllpSender> SENDER = AttributeKey.valueOf("liaison.mllp.sender");

    private static final Logger log = LoggerFactory.getLogger(MllpSenderFilter.class);

    private final SenderAddresses allowed;
    private final MllpConnections connections;
    private final MllpSenders senders;
    private final AuditTrail audit;
    private final Executor auditWriter;

    MllpSenderFilter(SenderAddresses allowed, MllpConnections connections, MllpSenders senders, AuditTrail audit,
            Executor auditWriter) {
        this.allowed = allowed;
        this.connections = connections;
        this.senders = senders;
        this.audit = audit;
        this.auditWriter = auditWriter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetSocketAddress peer = MllpProxyProtocol.sender(ctx.channel());
        if (peer != null) {
            InetAddress address = peer.getAddress();
            if (!allowed.allows(address)) {
                refuse(ctx, AuditEvent.CONNECTION_REFUSED, "not in hub.mllp.allowed-senders");
                return;
            }
            Admission admission = connections.admit(address);
            if (admission != Admission.ADMITTED) {
                refuse(ctx, AuditEvent.CONNECTION_REFUSED, admission.reason);
                return;
            }
            ctx.channel().closeFuture().addListener(closed -> connections.closed(address));
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                String cause = handshake.cause() == null ? "unknown" : handshake.cause().getClass().getSimpleName();
                record(ctx, AuditEvent.AUTHENTICATION_FAILED, "TLS handshake failed: " + cause);
            } else if (!senders.isEmpty()) {
                Optional<MllpSender> sender = clientCertificate(ctx).flatMap(senders::find);
                if (sender.isEmpty()) {
                    refuse(ctx, AuditEvent.AUTHENTICATION_FAILED, "client certificate is not one of hub.mllp.senders");
                    return;
                }
                ctx.channel().attr(SENDER).set(sender.get());
            }
        }
        super.userEventTriggered(ctx, event);
    }

    private static Optional<X509Certificate> clientCertificate(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] chain = tls == null ? new Certificate[0] : tls.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate certificate ? Optional.of(certificate)
                    : Optional.empty();
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        }
    }

    private void refuse(ChannelHandlerContext ctx, String event, String reason) {
        record(ctx, event, reason);
        ctx.close();
    }

    private void record(ChannelHandlerContext ctx, String event, String reason) {
        InetSocketAddress peer = MllpProxyProtocol.sender(ctx.channel());
        String sender = peer == null ? "unknown" : peer.getAddress().getHostAddress();
        log.warn("MLLP connection from {} refused: {}", sender, reason);
        auditWriter.execute(() -> audit.record("mllp:" + sender, event, null, null, "MLLP", "mllp", 0, sender,
                reason));
    }
}
