package org.liaisonhub.platform;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR R4 context for the whole hub: creating it is expensive, using it is thread-safe. */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // HAPI's default handler logs the invalid values it meets, which can be patient data; and a bad value
        // must not make a whole batch unreadable: the validator reports it, with its location, per entry.
        context.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        return context;
    }
}
