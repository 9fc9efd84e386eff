package org.liaisonhub.mapping;

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
    Hl7RuleEngine hl7RuleEngine(MappingProperties properties, Environment environment) {
        Hl7RuleEngine engine = new MappingFileLoader(environment::resolveRequiredPlaceholders)
                .loadDirectory(properties.dir().toAbsolutePath().normalize());
        log.info("Mapping rules loaded: {}", engine.describe());
        return engine;
    }
}
