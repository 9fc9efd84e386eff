package org.liaisonhub.mapping;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.yaml.MappingFileLoader;

/** The mapping files of a directory, read with the hub's placeholders: loaded as rule sets, or only checked. */
public final class MappingFiles {

    private final MappingFileLoader loader;

    /** @param placeholders resolves {@code ${...}} in the files (the hub's settings) */
    public MappingFiles(UnaryOperator<String> placeholders, FhirContext fhir) {
        this.loader = new MappingFileLoader(placeholders, new FhirPaths(fhir));
    }

    /** @throws MappingFileException naming the file, line and problem of the first file that cannot be used */
    public Mappings load(Path directory) {
        return loader.loadDirectory(directory);
    }

    /** The first problem of each file that has one, as {@code file:line:column: problem}; empty when all are good. */
    public List<String> problems(Path directory) {
        return loader.problems(directory);
    }
}
