package org.liaisonhub.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.deploy.MappingCases;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.ingest.OfflineTrial;
import org.liaisonhub.mapping.MappingFiles;
import org.liaisonhub.routing.RouteFileCheck;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar liaison-hub.jar validate [--mappings DIR] [--routes DIR] [--no-tests]}: checks every mapping and
 * route file offline, with the hub's settings for their placeholders, and prints each problem as
 * {@code file:line:column: message}; then, unless {@code --no-tests}, runs the mapping test cases of
 * {@code <mappings>/tests} and prints each failure as a diff (the FHIR cases load R4's definitions: 3 s more, which a
 * pre-commit hook may skip). Exit code 0 when all are valid and pass, 1 when any is not or does not, 2 on bad usage.
 * Made for a pre-commit hook and for the CI of a hospital's own repository of rules.
 */
public final class ValidateCommand {

    public static final String NAME = "validate";
    /** Where a mappings directory keeps its test cases. */
    static final String TESTS = "tests";
    private static final String USAGE = "usage: java -jar liaison-hub.jar validate [--mappings DIR] [--routes DIR]"
            + " [--no-tests]";

    private ValidateCommand() {
    }

    public static int run(String[] args) {
        OfflineHub.quietLogs();
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path mappings = null;
        Path routes = null;
        boolean runTests = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--mappings" -> mappings = Path.of(args[++i]);
                    case "--routes" -> routes = Path.of(args[++i]);
                    case "--no-tests" -> runTests = false;
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
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.lazy-initialization", true));
        if (mappings != null) {
            settings.put("hub.mappings.dir", mappings.toString());
        }
        // lazily: the rule engines are built only when the files are valid and there are test cases to run
        try (ConfigurableApplicationContext hub = OfflineHub.start(OfflineTrial.class, settings)) {
            Environment hubSettings = hub.getEnvironment();
            Path mappingsDir = Path.of(hubSettings.getProperty("hub.mappings.dir"));
            Path routesDir = routes != null ? routes : Path.of(hubSettings.getProperty("hub.routes-dir"));
            List<String> problems = new ArrayList<>(new MappingFiles(hubSettings::resolveRequiredPlaceholders,
                    hub.getBean(FhirContext.class)).problems(mappingsDir));
            problems.addAll(RouteFileCheck.problems(routesDir));
            MappingCases cases = runTests ? MappingCases.in(mappingsDir.resolve(TESTS)) : MappingCases.none();
            problems.addAll(cases.problems());
            problems.forEach(out::println);
            String checked = mappingsDir + " and " + routesDir;
            if (!problems.isEmpty()) {
                err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + checked
                        + (cases.size() > 0 ? "; the test cases did not run" : ""));
                return 1;
            }
            if (cases.size() > 0) {
                MappingCases.Run run = cases.run(hub.getBean(MessageTrial.class));
                run.failures().forEach(out::println);
                if (!run.passed()) {
                    err.println(run.failures().size() + " of " + run.cases() + " test cases failed in " + checked);
                    return 1;
                }
                err.println(run.cases() + " test cases passed");
            }
            err.println("valid: " + checked);
            return 0;
        }
    }
}
