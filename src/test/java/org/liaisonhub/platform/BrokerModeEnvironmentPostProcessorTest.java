package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded broker runs only on the embedded defaults, unless it is switched on or off explicitly. */
class BrokerModeEnvironmentPostProcessorTest {

    @Test
    void anExternalBrokerSwitchesTheEmbeddedOneOff() {
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "native"))).isEqualTo("false");
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", " NATIVE "))).isEqualTo("false");
    }

    @Test
    void theEmbeddedDefaultsAndAnExplicitSettingAreLeftAlone() {
        assertThat(embeddedEnabled(Map.of())).isNull();
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "embedded"))).isNull();
        assertThat(embeddedEnabled(Map.of("spring.artemis.mode", "native",
                BrokerModeEnvironmentPostProcessor.EMBEDDED_ENABLED, "true"))).isEqualTo("true");
    }

    private static String embeddedEnabled(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new BrokerModeEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        return environment.getProperty(BrokerModeEnvironmentPostProcessor.EMBEDDED_ENABLED);
    }
}
