package org.liaisonhub.mapping;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mapping rules the hub runs now. A message takes them once ({@link #current()}) and keeps them from its
 * screening to its outcome, so a reload ({@link #use}) takes effect between messages and no message sees half of
 * one set and half of another.
 */
public class RuleBook {

    private final MappingFiles files;
    private final Path directory;
    private final Clock clock;
    private final Map<String, String> fhirConstants;
    private final AtomicReference<LoadedRules> current = new AtomicReference<>();

    /**
     * @param clock         what "now" is to the rules, in the zone of times sent without an offset
     * @param fhirConstants the FHIRPath constants of the hub: {@code mrnSystem}, {@code visitSystem}
     * @throws MappingFileException when the directory's files cannot be used: the hub does not start
     */
    public RuleBook(MappingFiles files, Path directory, Clock clock, Map<String, String> fhirConstants) {
        this.files = files;
        this.directory = directory;
        this.clock = clock;
        this.fhirConstants = Map.copyOf(fhirConstants);
        current.set(read());
    }

    public LoadedRules current() {
        return current.get();
    }

    public Path directory() {
        return directory;
    }

    /** The version of the files as they are now, to tell whether they changed since {@link #current()}. */
    public String versionOnDisk() {
        return RuleSetVersion.of(directory);
    }

    /**
     * Reads the directory as it is now, without using it.
     *
     * @throws MappingFileException naming the file, line and problem of the first file that cannot be used
     */
    public LoadedRules read() {
        String version = RuleSetVersion.of(directory);
        for (int attempt = 1; ; attempt++) {
            Mappings mappings = files.load(directory);
            // the files may change while they are read: the version names what was read only if it held throughout
            String after = RuleSetVersion.of(directory);
            if (after.equals(version) || attempt == 3) {
                return new LoadedRules(mappings, mappings.hl7(clock), mappings.fhir(fhirConstants, clock), after,
                        Instant.now(clock));
            }
            version = after;
        }
    }

    /** From the next message on, these rules. */
    public void use(LoadedRules rules) {
        current.set(rules);
    }
}
