package org.liaisonhub.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.liaisonhub.platform.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Reloads changed route files into the running hub, every {@code hub.routes-reload-check}, with Camel's own
 * {@code RoutesLoader.updateRoutes}: only when the whole directory passes {@link RouteFileCheck}, and only when every
 * changed or removed file holds plain routes that take no connections ({@link RouteFileKinds}); a change to the MLLP
 * listener, a route template or configuration, or a vendor's templated route needs a restart and is refused whole,
 * the running routes untouched. A refusal is logged at WARN and counted in {@code liaison.routes.reloads}
 * (outcome refused), and not tried again until the files change again.
 */
@Service
public class RouteReload implements SchedulingConfigurer {

    /** What the last change of the route files did. */
    public record Outcome(boolean applied, List<String> files, List<String> problems, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(RouteReload.class);

    private final CamelContext camel;
    private final RouteProperties properties;
    private final MeterRegistry registry;
    private Map<String, String> loaded;
    private Map<String, String> refused;
    private volatile Outcome last;

    RouteReload(CamelContext camel, RouteProperties properties, MeterRegistry registry) {
        this.camel = camel;
        this.properties = properties;
        this.registry = registry;
        this.loaded = versions();
    }

    public Optional<Outcome> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.routesReloadCheck().isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::checkNow, properties.routesReloadCheck(),
                    properties.routesReloadCheck()));
        }
    }

    private void checkNow() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("Checking the route files for a change failed: {}", e.getClass().getName());
            log.debug("Route check failure", e);
        }
    }

    /** Reloads the route files that changed since they were loaded, if all of them may be; returns what it did. */
    synchronized Optional<Outcome> reloadIfChanged() {
        Map<String, String> onDisk = versions();
        if (onDisk.equals(loaded) || onDisk.equals(refused)) {
            return Optional.empty();
        }
        List<String> changed = onDisk.keySet().stream().filter(f -> !onDisk.get(f).equals(loaded.get(f))).toList();
        List<String> removed = loaded.keySet().stream().filter(f -> !onDisk.containsKey(f)).toList();
        List<String> files = Stream.concat(changed.stream(), removed.stream()).sorted().toList();
        List<String> problems = new ArrayList<>(RouteFileCheck.problems(properties.routesDir()));
        for (String file : files) {
            Path path = properties.routesDir().resolve(file);
            Optional<String> why = changed.contains(file) ? RouteFileKinds.whyNotReloadable(path) : Optional.empty();
            if (why.isEmpty()) {
                why = runningFrom(path).stream().filter(route -> route.isCreatedByRouteTemplate()
                        || RouteFileKinds.isListener(route.getEndpoint().getEndpointUri())).findFirst()
                        .map(route -> "its running route " + route.getRouteId() + " holds a listener or comes from"
                                + " a template");
            }
            why.ifPresent(reason -> problems.add(path + ": needs a restart: " + reason));
        }
        if (!problems.isEmpty()) {
            refused = onDisk;
            log.warn("Route files changed ({}) but were not reloaded: {}", files, String.join("; ", problems));
            return Optional.of(record(new Outcome(false, files, problems, Instant.now())));
        }
        try {
            for (String file : removed) {
                for (Route route : runningFrom(properties.routesDir().resolve(file))) {
                    camel.getRouteController().stopRoute(route.getRouteId());
                    camel.removeRoute(route.getRouteId());
                }
            }
            List<Resource> resources = new ArrayList<>();
            for (String file : changed) {
                resources.add(ResourceHelper.resolveResource(camel, "file:"
                        + properties.routesDir().resolve(file).toAbsolutePath().normalize()));
            }
            PluginHelper.getRoutesLoader(camel).updateRoutes(resources);
        } catch (Exception e) {
            refused = onDisk;
            log.error("Reloading the route files {} failed: {}", files, e.getClass().getName());
            log.debug("Route reload failure", e);
            return Optional.of(record(new Outcome(false, files, List.of("the reload failed: " + e.getMessage()),
                    Instant.now())));
        }
        loaded = onDisk;
        log.info("Route files reloaded: {}", files);
        return Optional.of(record(new Outcome(true, files, List.of(), Instant.now())));
    }

    private List<Route> runningFrom(Path file) {
        String location = file.toAbsolutePath().normalize().toString();
        return camel.getRoutes().stream().filter(route -> route.getSourceResource() != null
                && route.getSourceResource().getLocation().endsWith(location)).toList();
    }

    private Outcome record(Outcome outcome) {
        last = outcome;
        Counter.builder("liaison.routes.reloads").description("Reloads of the route files")
                .tag("outcome", outcome.applied() ? "applied" : "refused").register(registry).increment();
        return outcome;
    }

    /** Each route file's name with a hash of its content. */
    private Map<String, String> versions() {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<Path> files = Files.list(properties.routesDir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(RouteFileCheck.SUFFIX)).toList()) {
                versions.put(file.getFileName().toString(), Sha256.hex(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the routes directory " + properties.routesDir(), e);
        }
        return versions;
    }
}
