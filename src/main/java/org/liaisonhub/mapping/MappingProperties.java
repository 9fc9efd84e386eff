package org.liaisonhub.mapping;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the mapping rule files are ({@code hub.mappings.dir}, env {@code HUB_MAPPINGS_DIR}). */
@ConfigurationProperties("hub.mappings")
public record MappingProperties(Path dir) {

    public MappingProperties {
        if (dir == null) {
            dir = Path.of("mappings");
        }
    }
}
