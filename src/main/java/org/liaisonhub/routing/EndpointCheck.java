package org.liaisonhub.routing;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.util.URISupport;

/**
 * Checks the endpoints of a route against the components on the hub's class path: the scheme names a component the
 * hub has, and each option is one that component knows (Camel would otherwise refuse the route when it starts it).
 * Values, often placeholders, are the hub's to resolve.
 */
final class EndpointCheck {

    private final CamelContext camel;

    EndpointCheck(CamelContext camel) {
        this.camel = camel;
    }

    void check(RouteDefinition route, String file, List<String> problems) {
        check(route.getInput().getEndpointUri(), route.getInput().getLineNumber(), route, file, problems);
        for (ProcessorDefinition<?> step : steps(route.getOutputs())) {
            if (step instanceof EndpointRequiredDefinition endpoint) {
                check(endpoint.getEndpointUri(), step.getLineNumber(), route, file, problems);
            }
        }
    }

    private void check(String uri, int line, RouteDefinition route, String file, List<String> problems) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        if (colon <= 0 || uri.startsWith("{{")) {
            return;
        }
        String scheme = uri.substring(0, colon);
        EndpointUriFactory factory = camel.getCamelContextExtension().getEndpointUriFactory(scheme);
        String where = file + ":" + (line > 0 ? line : Math.max(route.getLineNumber(), 1)) + ":1: route '"
                + route.getRouteId() + "': ";
        if (factory == null) {
            problems.add(where + "endpoint " + scheme + ": names no Camel component the hub has");
            return;
        }
        if (factory.isLenientProperties() || uri.indexOf('?') < 0) {
            return;
        }
        Map<String, Object> options;
        try {
            options = URISupport.parseQuery(uri.substring(uri.indexOf('?') + 1), false, true);
        } catch (URISyntaxException e) {
            problems.add(where + "endpoint " + scheme + ": its options cannot be read: " + e.getMessage());
            return;
        }
        for (String option : options.keySet()) {
            boolean known = factory.propertyNames().contains(option)
                    || factory.multiValuePrefixes().values().stream().anyMatch(option::startsWith);
            if (!known) {
                problems.add(where + "endpoint " + scheme + ": has no option '" + option + "'");
            }
        }
    }

    private static List<ProcessorDefinition<?>> steps(List<ProcessorDefinition<?>> outputs) {
        List<ProcessorDefinition<?>> all = new ArrayList<>();
        for (ProcessorDefinition<?> output : outputs) {
            all.add(output);
            all.addAll(steps(output.getOutputs()));
        }
        return all;
    }
}
