package org.liaisonhub.mapping;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Map;
import org.liaisonhub.platform.FhirProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads the mapping files at start-up: a bad file stops the hub with the file, line and problem. */
@Configuration(proxyBeanMethods = false)
public class MappingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);

    @Bean
    RuleBook ruleBook(MappingProperties properties, Environment environment, FhirContext fhir,
            FhirProperties fhirProperties) {
        RuleBook book = new RuleBook(new MappingFiles(environment::resolveRequiredPlaceholders, fhir),
                properties.dir().toAbsolutePath().normalize(), Clock.system(fhirProperties.zone()),
                Map.of("mrnSystem", fhirProperties.mrnSystem(), "visitSystem", fhirProperties.visitSystem()));
        LoadedRules rules = book.current();
        log.info("Mapping rules version {}: HL7 v2 {}; FHIR {}", rules.version(), rules.hl7().describe(),
                rules.fhir().describe());
        return book;
    }
}
