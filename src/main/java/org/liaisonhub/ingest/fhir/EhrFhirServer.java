package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.platform.OutboundUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The EHR's FHIR server ({@code hub.fhir.ehr-base-url}), read with HAPI's generic client: where id-only
 * subscription notifications and references to resources the hub never received are fetched from.
 */
@Component
public class EhrFhirServer {

    private static final Logger log = LoggerFactory.getLogger(EhrFhirServer.class);

    private final IGenericClient client;
    private final String baseUrl;

    public EhrFhirServer(FhirContext fhir, FhirProperties properties, OutboundUrls urls) {
        this.baseUrl = properties.ehrBaseUrl();
        if (properties.ehrBaseUrl() == null) {
            this.client = null;
            return;
        }
        urls.check("hub.fhir.ehr-base-url", URI.create(properties.ehrBaseUrl()));
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient generic = fhir.newRestfulGenericClient(properties.ehrBaseUrl());
        FhirProperties.EhrAuth auth = properties.ehrAuth();
        switch (auth.type()) {
            case "bearer" -> generic.registerInterceptor(new BearerTokenAuthInterceptor(auth.token()));
            case "basic" -> generic.registerInterceptor(new BasicAuthInterceptor(auth.username(), auth.password()));
            case "none" -> {
                // nothing to add
            }
            default -> throw new IllegalStateException("hub.fhir.ehr-auth.type must be none, bearer or basic");
        }
        this.client = generic;
    }

    /**
     * Reads a resource by relative ({@code Patient/123}) or absolute reference, for a reference the hub could not
     * resolve otherwise.
     *
     * @return empty when no EHR server is configured, the reference is not a resource's, or the EHR has none
     */
    public Optional<Resource> read(String reference) {
        try {
            return client == null ? Optional.empty() : Optional.of(fetch(reference));
        } catch (EhrFetchException e) {
            // the reference can carry an MRN: its type only above DEBUG
            log.warn("A {} reference could not be resolved at the EHR's FHIR server", new IdType(reference)
                    .getResourceType());
            log.debug("Unresolved at the EHR: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads a resource that must be had (the focus of an id-only notification).
     *
     * @throws EhrFetchException naming why not: no EHR server configured, a reference elsewhere, the EHR's answer
     */
    public Resource fetch(String reference) {
        if (client == null) {
            throw new EhrFetchException("hub.fhir.ehr-base-url is not set, so " + reference + " cannot be fetched");
        }
        IdType id = reference == null ? new IdType() : new IdType(reference);
        if (!id.hasResourceType() || !id.hasIdPart() || reference.startsWith("urn:") || reference.startsWith("#")) {
            throw new EhrFetchException(reference + " is not a reference to a resource on a FHIR server");
        }
        if (id.isAbsolute() && !sameServer(id)) {
            // the hub's credentials for the EHR go to the EHR only
            throw new EhrFetchException(reference + " is not on the EHR's FHIR server " + baseUrl);
        }
        String relative = id.getResourceType() + "/" + id.getIdPart();
        try {
            return (Resource) client.read().resource(id.getResourceType()).withId(id.getIdPart()).execute();
        } catch (FhirClientConnectionException e) {
            throw new EhrFetchException("the EHR's FHIR server could not be reached for " + relative, true);
        } catch (BaseServerResponseException e) {
            throw new EhrFetchException("the EHR's FHIR server answered " + e.getStatusCode() + " for " + relative,
                    e.getStatusCode() >= 500);
        }
    }

    /** Whether a reference names a resource of the EHR's: a relative one, or an absolute one on its server. */
    public boolean serves(IdType id) {
        return !id.isAbsolute() || baseUrl != null && sameServer(id);
    }

    private boolean sameServer(IdType id) {
        return trimSlash(id.getBaseUrl()).equalsIgnoreCase(trimSlash(baseUrl));
    }

    private static String trimSlash(String url) {
        return url == null ? "" : url.replaceAll("/+$", "");
    }

    /** A resource the hub needed could not be read from the EHR's FHIR server; the message says why. */
    public static class EhrFetchException extends RuntimeException {

        private final boolean temporary;

        EhrFetchException(String message) {
            this(message, false);
        }

        EhrFetchException(String message, boolean temporary) {
            super(message);
            this.temporary = temporary;
        }

        /** The EHR could not be reached or failed: asking again later may succeed. */
        public boolean temporary() {
            return temporary;
        }
    }
}
