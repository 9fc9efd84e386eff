package org.liaisonhub.ingest.mllp;

import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import org.liaisonhub.ingest.mllp.MllpProperties.ClientAuth;
import org.liaisonhub.ingest.mllp.MllpProperties.Tls;

/** The TLS side of the MLLP listener: one SSLContext from the configured stores, an engine per connection. */
final class MllpTlsContext {

    private final SSLContext context;
    private final Tls tls;

    MllpTlsContext(Tls tls) {
        this.tls = tls;
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls.keystore(), tls.keystorePassword(), tls.keystoreType(), "keystore"),
                    chars(tls.keystorePassword()));
            TrustManagerFactory trust = null;
            if (tls.truststore() != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(tls.truststore(), tls.truststorePassword(), tls.truststoreType(), "truststore"));
            } else if (tls.clientAuth() != ClientAuth.NONE) {
                throw new IllegalStateException("hub.mllp.tls.client-auth=" + tls.clientAuth()
                        + " needs hub.mllp.tls.truststore: the CAs of the senders' certificates");
            }
            context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("MLLP TLS cannot be set up from hub.mllp.tls.*: " + e.getMessage(), e);
        }
    }

    SslHandler newHandler() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(tls.protocols().toArray(String[]::new));
        switch (tls.clientAuth()) {
            case NEED -> engine.setNeedClientAuth(true);
            case WANT -> engine.setWantClientAuth(true);
            case NONE -> engine.setNeedClientAuth(false);
        }
        return new SslHandler(engine);
    }

    private static KeyStore load(Path file, String password, String type, String what)
            throws GeneralSecurityException, IOException {
        if (file == null || file.toString().isBlank()) {
            throw new IllegalStateException("hub.mllp.tls." + what + " must be set when hub.mllp.tls.enabled=true");
        }
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
