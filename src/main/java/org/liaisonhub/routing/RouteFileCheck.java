package org.liaisonhub.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Checks the Camel YAML route files of a directory without running them: no bean, port, queue or database is
 * touched. Each file is read by Camel's own YAML DSL (an unknown step or key, a bad value, a missing route template
 * are reported at their line and column), then every route is checked for what Camel only finds when it starts it:
 * a route id another file uses too, a shared route configuration that does not exist, an endpoint of a component
 * the hub does not have, or an option that component does not know ({@link EndpointCheck}). Beans named by
 * {@code ref} and property placeholders are the hub's to resolve and are not checked here.
 */
public final class RouteFileCheck {

    /** The suffix of a route file, as {@code camel.main.routes-include-pattern} loads them. */
    public static final String SUFFIX = ".camel.yaml";

    private RouteFileCheck() {
    }

    /** Every problem of the route files of the directory, each as {@code file:line:column: problem}. */
    public static List<String> problems(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of(directory + ": the routes directory does not exist");
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of(directory + ": cannot list the routes directory: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        DefaultCamelContext camel = new DefaultCamelContext(false);
        try {
            camel.setSourceLocationEnabled(true);
            camel.build();
            Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
            Map<String, String> fileOfRoute = new HashMap<>();
            for (Path file : files) {
                Set<RouteDefinition> before = Collections.newSetFromMap(new IdentityHashMap<>());
                before.addAll(model.getRouteDefinitions());
                if (!load(camel, file, problems)) {
                    continue;
                }
                // what the file added: a route whose id another file used replaces that file's route
                for (RouteDefinition route : model.getRouteDefinitions()) {
                    if (!before.contains(route)) {
                        String earlier = fileOfRoute.put(route.getRouteId(), file.toString());
                        if (earlier != null) {
                            problems.add(at(file, route) + "route id '" + route.getRouteId()
                                    + "' is already used by " + earlier);
                        }
                    }
                }
            }
            Set<String> configurations = model.getRouteConfigurationDefinitions().stream()
                    .map(c -> c.getId()).collect(Collectors.toSet());
            EndpointCheck endpoints = new EndpointCheck(camel);
            for (RouteDefinition route : model.getRouteDefinitions()) {
                String file = fileOfRoute.getOrDefault(route.getRouteId(), directory.toString());
                checkConfiguration(route, configurations, file, problems);
                endpoints.check(route, file, problems);
            }
        } finally {
            camel.stop();
        }
        return problems;
    }

    private static boolean load(DefaultCamelContext camel, Path file, List<String> problems) {
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel,
                    "file:" + file.toAbsolutePath()));
            return true;
        } catch (Exception e) {
            problems.add(CamelProblem.of(file, e));
            return false;
        }
    }

    private static void checkConfiguration(RouteDefinition route, Set<String> configurations, String file,
            List<String> problems) {
        String named = route.getRouteConfigurationId();
        if (named == null || named.contains("*")) {
            return;
        }
        for (String id : named.split(",")) {
            if (!id.isBlank() && !configurations.contains(id.trim())) {
                problems.add(at(file, route) + "route '" + route.getRouteId() + "' names routeConfigurationId '"
                        + id.trim() + "', which no route file defines");
            }
        }
    }

    private static String at(Object file, RouteDefinition route) {
        return file + ":" + Math.max(route.getLineNumber(), 1) + ":" + 1 + ": ";
    }
}
