package org.liaisonhub.dispatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.platform.OutboundUrls;
import org.springframework.stereotype.Component;

/**
 * The configured vendors by name, checked at start-up: each names a work-item type, queue and event once, and is
 * reached over https.
 */
@Component
public class Vendors {

    private final Map<String, Vendor> byName;
    private final Map<String, String> nameByWorkItemType = new HashMap<>();

    public Vendors(VendorSettings settings, OutboundUrls urls) {
        this.byName = settings.vendors();
        byName.forEach((name, vendor) -> {
            urls.check("hub.vendors." + name + ".url", vendor.url());
            urls.check("hub.vendors." + name + ".auth.token-url", vendor.auth().tokenUrl());
            require(name, "work-item-type", vendor.workItemType());
            require(name, "queue", vendor.queue());
            require(name, "event", vendor.event());
            String other = nameByWorkItemType.put(vendor.workItemType(), name);
            if (other != null) {
                throw new IllegalStateException("hub.vendors." + name + " and hub.vendors." + other
                        + " both take work-item type " + vendor.workItemType());
            }
        });
    }

    private static void require(String vendor, String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("hub.vendors." + vendor + "." + setting + " must be set");
        }
    }

    /** The vendor that takes this type of work, if one is configured and has a URL. */
    public Optional<String> dispatching(String workItemType) {
        return Optional.ofNullable(nameByWorkItemType.get(workItemType)).filter(name -> byName.get(name).enabled());
    }

    public Optional<Vendor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Vendor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No vendor named " + name));
    }

    public Collection<String> names() {
        return List.copyOf(byName.keySet());
    }
}
