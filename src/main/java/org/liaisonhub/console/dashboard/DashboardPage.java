package org.liaisonhub.console.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.dispatch.VendorOverview;
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
 * and day, each vendor's backlog and refusals, and the health of the database, the broker and the listener. It
 * refreshes itself every 10 seconds; what it counts comes from the store's cached tallies and the hub's metrics, so
 * an open dashboard costs a busy hub almost nothing. No patient data is on it.
 */
@Controller
@RequestMapping("/console/dashboard")
class DashboardPage {

    /** The outcomes shown, in the order a person reads them. */
    static final List<MessageStatus> OUTCOMES = List.of(MessageStatus.PROCESSED, MessageStatus.IGNORED,
            MessageStatus.DUPLICATE, MessageStatus.REJECTED, MessageStatus.ERROR);
    private static final List<String> HEALTH = List.of("db", "jms", "mllpListener");
    private static final List<String> DELIVERY_OUTCOMES = List.of("sent", "retried", "failed", "dead_lettered",
            "skipped");

    private final MessageTallies tallies;
    private final VendorOverview vendors;
    private final MeterRegistry metrics;
    private final HealthEndpoint health;

    DashboardPage(MessageTallies tallies, VendorOverview vendors, MeterRegistry metrics, HealthEndpoint health) {
        this.tallies = tallies;
        this.vendors = vendors;
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
        model.addAttribute("deliveries", deliveries());
        model.addAttribute("deliveryOutcomes", DELIVERY_OUTCOMES);
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

    /** Deliveries by vendor and outcome since this hub instance started (its counters). */
    private Map<String, Map<String, Long>> deliveries() {
        Map<String, Map<String, Long>> byVendor = new LinkedHashMap<>();
        for (Counter counter : metrics.find("liaison.vendor.deliveries").counters()) {
            byVendor.computeIfAbsent(counter.getId().getTag("vendor"), v -> new LinkedHashMap<>())
                    .merge(counter.getId().getTag("outcome"), (long) counter.count(), Long::sum);
        }
        return byVendor;
    }
}
