package org.liaisonhub.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP side of the hub ({@code hub.http.*}).
 *
 * @param maxRequestSize the largest request body read by any endpoint but the FHIR server's
 *                       ({@code hub.fhir.max-request-size}); a larger one is answered 413 unread
 */
@ConfigurationProperties("hub.http")
public record HttpProperties(DataSize maxRequestSize) {

    public HttpProperties {
        if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.http.max-request-size must be positive");
        }
    }
}
