package org.liaisonhub.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded Artemis broker only when the hub uses it. Spring Boot starts it whenever the server is on the
 * class path ({@code spring.artemis.embedded.enabled} defaults to true), even with {@code spring.artemis.mode=native}:
 * a hub on an external broker would run a second, unused broker with a journal of its own. An explicit
 * {@code spring.artemis.embedded.enabled} still wins.
 */
public class BrokerModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED_ENABLED = "spring.artemis.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("spring.artemis.mode", "embedded").trim().toLowerCase(Locale.ROOT);
        if ("native".equals(mode) && !environment.containsProperty(EMBEDDED_ENABLED)) {
            environment.getPropertySources().addLast(new MapPropertySource("hubEmbeddedBrokerOnlyWhenUsed",
                    Map.of(EMBEDDED_ENABLED, "false")));
        }
    }

    @Override
    public int getOrder() {
        // after application.yml, the environment and the command line have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
