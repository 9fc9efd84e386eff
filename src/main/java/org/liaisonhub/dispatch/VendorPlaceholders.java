package org.liaisonhub.dispatch;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.springframework.stereotype.Component;

/**
 * The {@code vendor:} placeholder of the routes: {@code {{vendor:insurance.queue}}} is the insurance vendor's queue
 * as the hub runs it, defaults included, so that the vendor route template and the outbox relay can never disagree
 * and no default is written twice. Knows {@code queue} and {@code consumers}.
 */
@Component
class VendorPlaceholders implements PropertiesFunction, CamelContextConfiguration {

    private final Vendors vendors;

    VendorPlaceholders(Vendors vendors) {
        this.vendors = vendors;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once the routes run
    }

    @Override
    public String getName() {
        return "vendor";
    }

    @Override
    public String apply(String remainder) {
        int dot = remainder.lastIndexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("{{vendor:" + remainder + "}} should read {{vendor:<name>.<setting>}}");
        }
        Vendor vendor = vendors.find(remainder.substring(0, dot)).orElseThrow(() -> new IllegalArgumentException(
                "{{vendor:" + remainder + "}}: no vendor hub.vendors." + remainder.substring(0, dot) + " is set"));
        return switch (remainder.substring(dot + 1)) {
            case "queue" -> vendor.queue();
            case "consumers" -> String.valueOf(vendor.consumers());
            default -> throw new IllegalArgumentException("{{vendor:" + remainder + "}}: a vendor's placeholders are"
                    + " queue and consumers");
        };
    }
}
