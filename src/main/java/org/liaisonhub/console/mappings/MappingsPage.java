package org.liaisonhub.console.mappings;

import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.liaisonhub.deploy.MappingReload;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.routing.RouteReload;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the hub runs, read-only: the mapping rule sets it loaded (each file, its rules, the work they open or cancel)
 * and its routes (each file, its input, whether it is running). Editing stays with the files and their review.
 */
@Controller
class MappingsPage {

    /** One route as the page shows it. */
    record RouteView(String id, String description, String file, String from, String status) {
    }

    private final RuleBook rules;
    private final MappingReload reload;
    private final RouteReload routeReload;
    private final CamelContext camel;

    MappingsPage(RuleBook rules, MappingReload reload, RouteReload routeReload, CamelContext camel) {
        this.rules = rules;
        this.reload = reload;
        this.routeReload = routeReload;
        this.camel = camel;
    }

    @GetMapping("/console/mappings")
    String show(org.springframework.ui.Model model) {
        // one snapshot: a reload between two reads would show one version's number over another's rules
        LoadedRules running = rules.current();
        model.addAttribute("rules", running);
        model.addAttribute("lastReload", reload.last().orElse(null));
        model.addAttribute("lastRouteReload", routeReload.last().orElse(null));
        model.addAttribute("ruleSets", running.mappings().summaries());
        model.addAttribute("routes", routes());
        return "console/mappings";
    }

    private List<RouteView> routes() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions().stream()
                .map(this::view).sorted(Comparator.comparing(RouteView::id)).toList();
    }

    private RouteView view(RouteDefinition route) {
        String file = route.getResource() == null ? null : route.getResource().getLocation();
        Route running = camel.getRoute(route.getRouteId());
        // the running route's input, with placeholders and template parameters resolved
        String from = running == null ? route.getInput().getEndpointUri() : running.getEndpoint().getEndpointUri();
        return new RouteView(route.getRouteId(), route.getDescriptionText(), file, from,
                String.valueOf(camel.getRouteController().getRouteStatus(route.getRouteId())));
    }
}
