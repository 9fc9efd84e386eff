package org.liaisonhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code hub.data-dir} into an absolute path before any bean reads it, and creates it readable by the hub's
 * user only when it does not exist (it holds PHI). The embedded PostgreSQL cluster and the embedded Artemis journal
 * both live below it (each creates its own directories), and each resolves a relative path against a working
 * directory of its own ({@code HUB_DATA_DIR=data} means the same directory to all of them only once absolute).
 */
public class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "hub.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty(PROPERTY, "./data")).toAbsolutePath().normalize();
        try {
            OwnerOnlyFiles.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        environment.getPropertySources()
                .addFirst(new MapPropertySource("hubDataDirectory", Map.of(PROPERTY, dataDir.toString())));
    }

    @Override
    public int getOrder() {
        // after application.yml and the environment have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
