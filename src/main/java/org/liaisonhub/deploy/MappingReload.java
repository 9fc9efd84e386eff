package org.liaisonhub.deploy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.mapping.MappingFileException;
import org.liaisonhub.mapping.MappingProperties;
import org.liaisonhub.mapping.RuleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Deploys changed mapping files into the running hub: reads them, runs their test cases ({@code tests/}) against
 * the rules read, and only when both succeed has the hub use them, from the next message on ({@link RuleBook}).
 * Otherwise the running rules stay and the refusal is reported: a WARN log naming files and cases (never message
 * content), the counter {@code liaison.mappings.reloads} (outcome applied or refused), the gauge
 * {@code liaison.mappings.refused} (1 while the files on disk are a refused version), and the console's mappings
 * page. Runs every {@code hub.mappings.reload-check} when the files' version changed, and on
 * {@code POST /api/mappings/reload}.
 */
@Service
public class MappingReload implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MappingReload.class);

    private final RuleBook rules;
    private final MessageTrial trial;
    private final MappingProperties properties;
    private final MeterRegistry registry;
    private volatile ReloadOutcome last;
    /** Whether the files, when last checked or reloaded, were a version this hub refused: what the gauge says. */
    private volatile boolean refusedOnDisk;

    MappingReload(RuleBook rules, MessageTrial trial, MappingProperties properties, MeterRegistry registry) {
        this.rules = rules;
        this.trial = trial;
        this.properties = properties;
        this.registry = registry;
        Gauge.builder("liaison.mappings.refused", this, reload -> reload.refusedOnDisk ? 1 : 0)
                .description("1 while the mapping files on disk are a version the hub refused").register(registry);
    }

    /** The last reload's outcome, if there was one since the hub started. */
    public Optional<ReloadOutcome> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.reloadCheck().isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::reloadIfChanged, properties.reloadCheck(),
                    properties.reloadCheck()));
        }
    }

    private void reloadIfChanged() {
        try {
            String onDisk = rules.versionOnDisk();
            boolean refusedAlready = last != null && !last.applied() && onDisk.equals(last.version());
            refusedOnDisk = refusedAlready;
            if (!onDisk.equals(rules.current().version()) && !refusedAlready) {
                reload();
            }
        } catch (RuntimeException e) {
            log.error("Checking the mapping files for a change failed: {}", e.getClass().getName());
            log.debug("Mapping check failure", e);
        }
    }

    /** Reads the files and their test cases now, and uses the rules read if they are valid and the cases pass. */
    public synchronized ReloadOutcome reload() {
        String running = rules.current().version();
        LoadedRules read;
        try {
            read = rules.read();
        } catch (MappingFileException e) {
            return refused(rules.versionOnDisk(), running, List.of(e.getMessage()), 0);
        }
        MappingCases cases = MappingCases.in(rules.directory().resolve("tests"));
        if (!cases.problems().isEmpty()) {
            return refused(read.version(), running, cases.problems(), 0);
        }
        MappingCases.Run run = cases.run(trial, read);
        if (!run.passed()) {
            return refused(read.version(), running, run.failures(), run.cases());
        }
        rules.use(read);
        log.info("Mapping rules version {} in use (was {}): {} test cases passed; HL7 v2 {}; FHIR {}",
                read.version(), running, run.cases(), read.hl7().describe(), read.fhir().describe());
        return record(new ReloadOutcome(true, read.version(), read.version(), List.of(), run.cases(), Instant.now()));
    }

    private ReloadOutcome refused(String version, String running, List<String> problems, int cases) {
        // the first line of each: a file, line and problem, or a case's name and step; never a message's content
        log.warn("Mapping rules version {} refused, version {} keeps running: {}", version, running,
                String.join("; ", problems.stream().map(p -> p.lines().findFirst().orElse(p)).toList()));
        return record(new ReloadOutcome(false, version, running, List.copyOf(problems), cases, Instant.now()));
    }

    private ReloadOutcome record(ReloadOutcome outcome) {
        last = outcome;
        refusedOnDisk = !outcome.applied();
        Counter.builder("liaison.mappings.reloads").description("Reloads of the mapping rules")
                .tag("outcome", outcome.applied() ? "applied" : "refused").register(registry).increment();
        return outcome;
    }
}
