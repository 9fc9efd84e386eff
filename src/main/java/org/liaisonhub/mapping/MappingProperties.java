package org.liaisonhub.mapping;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the mapping rule files are ({@code hub.mappings.dir}, env {@code HUB_MAPPINGS_DIR}), and how often the hub
 * looks for a change to reload ({@code hub.mappings.reload-check}; zero: only on {@code POST /api/mappings/reload}).
 */
@ConfigurationProperties("hub.mappings")
public record MappingProperties(Path dir, Duration reloadCheck) {

    public MappingProperties {
        if (dir == null) {
            dir = Path.of("mappings");
        }
        if (reloadCheck == null || reloadCheck.isNegative()) {
            reloadCheck = Duration.ZERO;
        }
    }
}
