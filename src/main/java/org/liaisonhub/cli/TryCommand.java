package org.liaisonhub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.ingest.OfflineTrial;
import org.liaisonhub.ingest.TriedMessage;
import org.liaisonhub.ingest.TrialInput;
import org.liaisonhub.mapping.MappingFileException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar liaison-hub.jar try FILE... [--mappings DIR] [--format text|json] [--explain]}: runs HL7 v2
 * ({@code .hl7}) and FHIR ({@code .json}) messages through the mapping rules offline, in order, and prints for each
 * the answer the hub would give and the work items it would open, update or cancel; with {@code --explain}, why each
 * rule applied or did not. Exit code 0 when every message was accepted, 1 when one was not (or the mappings cannot
 * be loaded), 2 on bad usage.
 */
public final class TryCommand {

    public static final String NAME = "try";
    private static final String USAGE = "usage: java -jar liaison-hub.jar try FILE... [--mappings DIR]"
            + " [--format text|json] [--explain]";

    private TryCommand() {
    }

    public static int run(String[] args) {
        OfflineHub.quietLogs();
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Object> settings = new HashMap<>();
        String format = "text";
        boolean explain = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--mappings" -> settings.put("hub.mappings.dir", args[++i]);
                    case "--format" -> format = args[++i];
                    case "--explain" -> explain = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> files.add(Path.of(args[i]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            err.println(USAGE);
            return 2;
        }
        if (files.isEmpty() || !format.equals("text") && !format.equals("json")
                || files.stream().anyMatch(f -> f.toString().startsWith("--"))) {
            err.println(USAGE);
            return 2;
        }
        List<TrialInput> inputs = new ArrayList<>();
        for (Path file : files) {
            try {
                inputs.add(new TrialInput(file.getFileName().toString(), Files.readString(file,
                        StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("Cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        List<TriedMessage> tried;
        try (ConfigurableApplicationContext hub = OfflineHub.start(OfflineTrial.class, settings)) {
            tried = hub.getBean(MessageTrial.class).run(inputs, explain);
        } catch (RuntimeException e) {
            MappingFileException problem = causeOf(e);
            if (problem == null) {
                throw e;
            }
            err.println(problem.getMessage());
            return 1;
        }
        out.print(format.equals("json") ? TrialReport.json(tried) : TrialReport.text(tried));
        return tried.stream().allMatch(TryCommand::accepted) ? 0 : 1;
    }

    private static boolean accepted(TriedMessage message) {
        return message.problem() == null;
    }

    private static MappingFileException causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MappingFileException problem) {
                return problem;
            }
        }
        return null;
    }
}
