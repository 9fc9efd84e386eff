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
    Mappings mappings(MappingProperties properties, Environment environment, FhirContext fhir) {
        return new MappingFiles(environment::resolveRequiredPlaceholders, fhir)
                .load(properties.dir().toAbsolutePath().normalize());
    }

    @Bean
    Hl7RuleEngine hl7RuleEngine(Mappings mappings, FhirProperties fhir) {
        Hl7RuleEngine engine = mappings.hl7(Clock.system(fhir.zone()));
        log.info("HL7 v2 mapping rules: {}", engine.describe());
        return engine;
    }

    @Bean
    FhirRuleEngine fhirRuleEngine(Mappings mappings, FhirProperties fhir) {
        FhirRuleEngine engine = mappings.fhir(Map.of("mrnSystem", fhir.mrnSystem(), "visitSystem", fhir.visitSystem()),
                Clock.system(fhir.zone()));
        log.info("FHIR mapping rules: {}", engine.describe());
        return engine;
    }
}
