package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.liaisonhub.ingest.fhir.BundleIntake;
import org.liaisonhub.ingest.fhir.FhirIngestService;
import org.liaisonhub.ingest.fhir.FhirTypes;
import org.liaisonhub.ingest.fhir.ResourceIntake;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's FHIR R4 server at {@code /fhir}: HAPI's plain server with the hub's intakes as providers. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServer(FhirContext fhir, ResourceIntake resources,
            BundleIntake bundles, FhirIngestService ingest) {
        RestfulServer server = new RestfulServer(fhir);
        List<IResourceProvider> types = FhirTypes.ACCEPTED.stream()
                .<IResourceProvider>map(type -> new TypeEndpoint(
                        fhir.getResourceDefinition(type).getImplementingClass(), resources))
                .toList();
        server.setResourceProviders(types);
        server.registerProvider(new SystemEndpoint(bundles));
        server.registerInterceptor(new FhirServerHooks(ingest));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerName("Liaison Hub");
        server.setImplementationDescription("Liaison Hub FHIR R4 intake");
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
