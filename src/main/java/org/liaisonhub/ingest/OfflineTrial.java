package org.liaisonhub.ingest;

import org.liaisonhub.ingest.hl7.HapiConfiguration;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.mapping.MappingConfiguration;
import org.liaisonhub.mapping.MappingProperties;
import org.liaisonhub.platform.FhirConfiguration;
import org.liaisonhub.platform.FhirProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The beans a {@link MessageTrial} needs, and nothing that opens a port, a connection or a file: what the
 * {@code try} command starts. Not a component, so the hub's own scan leaves it alone.
 */
@Import({FhirConfiguration.class, MappingConfiguration.class, HapiConfiguration.class, MessageTrial.class})
@EnableConfigurationProperties({MappingProperties.class, FhirProperties.class, MllpProperties.class})
public final class OfflineTrial {

    private OfflineTrial() {
    }
}
