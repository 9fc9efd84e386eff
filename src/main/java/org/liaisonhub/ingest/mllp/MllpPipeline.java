package org.liaisonhub.ingest.mllp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.liaisonhub.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Netty handlers the MLLP route names, in pipeline order:
 * {@code decoders=#mllpProxyProtocol,#mllpTls,#mllpSenderFilter,#mllpFrameEncoder,#mllpFrameDecoder,
 * #mllpConnectionGuard}. The PROXY header comes before TLS; the frame encoder sits after TLS so that
 * acknowledgements are framed before they are encrypted.
 */
@Configuration(proxyBeanMethods = false)
public class MllpPipeline {

    private static final Logger log = LoggerFactory.getLogger(MllpPipeline.class);

    @Bean
    ChannelHandlerFactory mllpProxyProtocol(MllpProperties properties) {
        SenderAddresses trusted = new SenderAddresses(properties.trustedProxies());
        return factory(() -> new MllpProxyProtocol(trusted));
    }

    @Bean
    ChannelHandlerFactory mllpTls(MllpProperties properties) {
        MllpExposure.check(properties);
        if (!properties.tls().enabled()) {
            return factory(PassThrough::new);
        }
        MllpTlsContext tls = new MllpTlsContext(properties.tls());
        log.info("MLLP over TLS ({}, client certificates: {})", String.join(", ", properties.tls().protocols()),
                properties.tls().clientAuth());
        return factory(tls::newHandler);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService mllpAuditWriter() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mllp-audit");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ChannelHandlerFactory mllpSenderFilter(MllpProperties properties, MllpConnections connections, AuditTrail audit,
            ExecutorService mllpAuditWriter) {
        SenderAddresses allowed = new SenderAddresses(properties.allowedSenders());
        MllpSenders senders = new MllpSenders(properties.senders());
        return factory(() -> new MllpSenderFilter(allowed, connections, senders, audit, mllpAuditWriter));
    }

    @Bean
    ChannelHandlerFactory mllpFrameDecoder(MllpProperties properties) {
        return factory(() -> new MllpFrameDecoder(properties.maxMessageSize()));
    }

    @Bean
    ChannelHandlerFactory mllpConnectionGuard(MllpProperties properties) {
        return factory(() -> new MllpConnectionGuard(properties.connections()));
    }

    @Bean
    ChannelHandler mllpFrameEncoder() {
        return new MllpFrameEncoder();
    }

    private static ChannelHandlerFactory factory(Supplier<ChannelHandler> perConnection) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return perConnection.get();
            }
        };
    }

    /** Stands in for TLS when it is off: leaves the pipeline as soon as it is put in. */
    private static final class PassThrough extends ChannelHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().remove(this);
        }
    }
}
