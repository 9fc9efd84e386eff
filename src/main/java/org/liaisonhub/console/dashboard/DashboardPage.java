package org.liaisonhub.console.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.dispatch.VendorOverview;
import org.liaisonhub.dispatch.VendorTallies;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageTallies;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The integration engineer's view of the hub at work: each inbound channel's messages by outcome over the last hour
 * and day, each vendor's backlog and what it did with the hub's requests over the same periods, and the health of the database, the broker and the listener. It
 * refreshes itself every 10 seconds; what it counts comes from cached tallies and the hub's metrics, so
 * an open dashboard costs a busy hub almost nothing. No patient data is on it.
 */
@Controller
@RequestMapping("/console/dashboard")
class DashboardPage {

    /** The outcomes shown, in the order a person reads them. */
    static final List<MessageStatus> OUTCOMES = List.of(MessageStatus.PROCESSED, MessageStatus.IGNORED,
            MessageStatus.DUPLICATE, MessageStatus.REJECTED, MessageStatus.ERROR);
    private static final List<String> HEALTH = List.of("db", "jms", "mllpListener");

    private final MessageTallies tallies;
    private final VendorOverview vendors;
    private final VendorTallies deliveries;
    private final MeterRegistry metrics;
    private final HealthEndpoint health;

    DashboardPage(MessageTallies tallies, VendorOverview vendors, VendorTallies deliveries, MeterRegistry metrics,
            HealthEndpoint health) {
        this.tallies = tallies;
        this.vendors = vendors;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.health = health;
    }

    @GetMapping
    String page(Model model) {
        panel(model);
        return "console/dashboard";
    }

    @GetMapping("/panel")
    String panel(Model model) {
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("channels", tallies.now());
        model.addAttribute("vendors", vendors.states());
        model.addAttribute("deliveries", deliveries.now());
        model.addAttribute("noDeliveries", VendorTallies.Tally.NONE);
        model.addAttribute("deliveryOutcomes", VendorTallies.OUTCOMES);
        Gauge connections = metrics.find("liaison.mllp.connections").gauge();
        model.addAttribute("mllpConnections", connections == null ? null : (long) connections.value());
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String component : HEALTH) {
            HealthComponent state = health.healthForPath(component);
            statuses.put(component, state == null ? "UNKNOWN" : state.getStatus().getCode());
        }
        model.addAttribute("health", statuses);
        return "console/dashboard-panel :: panel";
    }
}
