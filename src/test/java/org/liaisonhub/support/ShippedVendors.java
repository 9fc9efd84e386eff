package org.liaisonhub.support;

import java.io.IOException;
import java.util.Map;
import org.liaisonhub.dispatch.VendorSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The vendors as the shipped application.yml and a given environment make them, bound as the hub binds them. */
public final class ShippedVendors {

    private ShippedVendors() {
    }

    public static VendorSettings in(Map<String, Object> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(spring.getPropertySources()::addLast);
        return Binder.get(spring).bind("hub", VendorSettings.class).get();
    }
}
