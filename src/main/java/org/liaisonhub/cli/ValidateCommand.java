package org.liaisonhub.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liaisonhub.mapping.MappingFiles;
import org.liaisonhub.platform.FhirConfiguration;
import org.liaisonhub.routing.RouteFileCheck;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar liaison-hub.jar validate [--mappings DIR] [--routes DIR]}: checks every mapping and route file
 * offline, with the hub's settings for their placeholders, and prints each problem as {@code file:line:column:
 * message}. Exit code 0 when all are valid, 1 when any is not, 2 on bad usage. Made for a pre-commit hook and for
 * the CI of a hospital's own repository of rules.
 */
public final class ValidateCommand {

    public static final String NAME = "validate";
    private static final String USAGE = "usage: java -jar liaison-hub.jar validate [--mappings DIR] [--routes DIR]";

    private ValidateCommand() {
    }

    public static int run(String[] args) {
        OfflineHub.quietLogs();
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path mappings = null;
        Path routes = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--mappings" -> mappings = Path.of(args[++i]);
                    case "--routes" -> routes = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext hub = OfflineHub.start(FhirConfiguration.class, Map.of())) {
            Environment settings = hub.getEnvironment();
            Path mappingsDir = mappings != null ? mappings : Path.of(settings.getProperty("hub.mappings.dir"));
            Path routesDir = routes != null ? routes : Path.of(settings.getProperty("hub.routes-dir"));
            List<String> problems = new ArrayList<>(new MappingFiles(settings::resolveRequiredPlaceholders,
                    hub.getBean(FhirContext.class)).problems(mappingsDir));
            problems.addAll(RouteFileCheck.problems(routesDir));
            problems.forEach(out::println);
            if (!problems.isEmpty()) {
                err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
                        + mappingsDir + " and " + routesDir);
                return 1;
            }
            err.println("valid: " + mappingsDir + " and " + routesDir);
            return 0;
        }
    }
}
