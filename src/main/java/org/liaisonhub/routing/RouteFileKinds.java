package org.liaisonhub.routing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Whether a route file can be reloaded into a running hub: only plain routes that take no connections. The MLLP
 * listener (netty, mllp) would close every sender's connection and lose the port while it is reopened; route
 * templates and configurations would leave the routes made from them as they were; templated routes (the vendors')
 * read settings that change only with a restart.
 */
final class RouteFileKinds {

    private static final List<String> LISTENERS = List.of("netty:", "netty-http:", "mllp:");

    private RouteFileKinds() {
    }

    /** Why the file needs a restart to change, or empty when it can be reloaded. */
    static Optional<String> whyNotReloadable(Path file) {
        Object content;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            content = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            return Optional.of("it cannot be read");
        }
        if (!(content instanceof List<?> items)) {
            return Optional.empty();
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry) || entry.size() != 1 || !entry.containsKey("route")) {
                Object kind = item instanceof Map<?, ?> map && !map.isEmpty() ? map.keySet().iterator().next() : item;
                return Optional.of("it holds a " + kind + ", which only a restart changes everywhere it is used");
            }
            if (listens(entry.get("route"))) {
                return Optional.of("its route holds a listener (MLLP), whose senders a reload would disconnect");
            }
        }
        return Optional.empty();
    }

    /** Whether a route definition's input takes connections. */
    static boolean listens(Object route) {
        Object from = route instanceof Map<?, ?> map ? map.get("from") : null;
        Object uri = from instanceof Map<?, ?> input ? input.get("uri") : null;
        return uri != null && isListener(uri.toString());
    }

    static boolean isListener(String uri) {
        return LISTENERS.stream().anyMatch(uri::startsWith);
    }
}
