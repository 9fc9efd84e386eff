package org.liaisonhub.ingest.hl7;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Netty handlers the MLLP route names: {@code decoders=#mllpFrameDecoder,#mllpConnectionGuard}. */
@Configuration(proxyBeanMethods = false)
public class MllpPipeline {

    @Bean
    ChannelHandlerFactory mllpFrameDecoder(MllpProperties properties) {
        return factory(() -> new MllpFrameDecoder(properties.maxFrameSize()));
    }

    @Bean
    ChannelHandlerFactory mllpConnectionGuard() {
        return factory(MllpConnectionGuard::new);
    }

    @Bean
    ChannelHandler mllpFrameEncoder() {
        return new MllpFrameEncoder();
    }

    private static ChannelHandlerFactory factory(java.util.function.Supplier<ChannelHandler> perConnection) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return perConnection.get();
            }
        };
    }
}
