package org.liaisonhub.routing;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The route files ({@code hub.routes-dir}, env {@code HUB_ROUTES_DIR}) and how often they are checked for a change
 * to reload ({@code hub.routes-reload-check}; zero: never, routes change with a restart).
 */
@ConfigurationProperties("hub")
public record RouteProperties(Path routesDir, Duration routesReloadCheck) {

    public RouteProperties {
        if (routesDir == null) {
            routesDir = Path.of("routes");
        }
        if (routesReloadCheck == null || routesReloadCheck.isNegative()) {
            routesReloadCheck = Duration.ZERO;
        }
    }
}
