package org.liaisonhub.ingest.mllp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.liaisonhub.ingest.mllp.MllpProperties.ClientAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the listener may serve the address it is configured for. Loopback is served in plain text (the
 * README's sample); any other address carries patient data over the hospital network, so it needs TLS with client
 * certificates and a sender allow-list (certificates bound to facilities, or address ranges), unless
 * {@code hub.mllp.insecure-network=true} says otherwise, which is logged as an error at every start.
 */
final class MllpExposure {

    private static final Logger log = LoggerFactory.getLogger(MllpExposure.class);

    private MllpExposure() {
    }

    static void check(MllpProperties properties) {
        boolean clientCertificates = properties.tls().enabled() && properties.tls().clientAuth() == ClientAuth.NEED;
        if (!properties.senders().isEmpty() && !clientCertificates) {
            throw new IllegalStateException("hub.mllp.senders are known by their client certificates: set "
                    + "hub.mllp.tls.enabled=true and hub.mllp.tls.client-auth=need");
        }
        if (isLoopback(properties.host())) {
            return;
        }
        boolean allowList = !properties.senders().isEmpty() || !properties.allowedSenders().isEmpty();
        if (clientCertificates && allowList) {
            return;
        }
        String listener = "The MLLP listener on " + properties.host() + ":" + properties.port();
        if (!properties.insecureNetwork()) {
            throw new IllegalStateException(listener + " would take patient data from the network without "
                    + (clientCertificates ? "a sender allow-list" : "TLS client certificates") + ". Bind it to "
                    + "127.0.0.1, or set hub.mllp.tls.* with client-auth=need and hub.mllp.senders (or "
                    + "hub.mllp.allowed-senders); hub.mllp.insecure-network=true accepts the risk");
        }
        log.error("INSECURE: {} accepts {} from {} (hub.mllp.insecure-network=true). Patient data can be read or "
                + "forged on the network; set hub.mllp.tls.* with client-auth=need and hub.mllp.senders.", listener,
                clientCertificates ? "any trusted certificate" : "plain text",
                properties.allowedSenders().isEmpty() ? "every address" : properties.allowedSenders());
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unknown) {
            throw new IllegalStateException("hub.mllp.host " + host + " is not an address of this machine", unknown);
        }
    }
}
