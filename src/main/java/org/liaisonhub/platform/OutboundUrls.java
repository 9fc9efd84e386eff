package org.liaisonhub.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.liaisonhub.platform.security.HubSecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Where the hub may send patient data and credentials: {@code https} URLs, and plain {@code http} only to this
 * machine or to a URL that starts with one of {@code hub.security.plain-http-urls} (a vendor simulator on the
 * compose network, say). Checked when the hub starts, for every vendor, token and EHR URL.
 */
@Component
public class OutboundUrls {

    private final List<String> plainHttpAllowed;

    OutboundUrls(HubSecurityProperties properties) {
        this.plainHttpAllowed = properties.plainHttpUrls();
    }

    /**
     * @param setting the property that holds the URL, named in the refusal
     * @throws IllegalStateException when the URL would carry data in plain text over the network
     */
    public void check(String setting, URI url) {
        if (url == null || url.toString().isBlank()) {
            return;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && (isLoopback(url.getHost())
                || plainHttpAllowed.stream().anyMatch(allowed -> url.toString().startsWith(allowed)))) {
            return;
        }
        throw new IllegalStateException(setting + " must be an https URL (" + url.getScheme() + " would send patient "
                + "data and credentials readable on the network); list it in hub.security.plain-http-urls to allow it");
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
