package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HAPI HL7 v2 context the hub parses and acknowledges with. */
@Configuration(proxyBeanMethods = false)
public class HapiConfiguration {

    /**
     * No HAPI validation: real ADT feeds carry values outside HAPI's format checks (dates, lengths) that the hub
     * must still take; the hub checks what it needs itself and answers in HL7 terms.
     */
    @Bean(destroyMethod = "close")
    HapiContext hapiContext() {
        DefaultHapiContext context = new DefaultHapiContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setIdGenerator(new AckControlIdGenerator());
        return context;
    }
}
