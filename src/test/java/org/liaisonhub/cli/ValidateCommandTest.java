package org.liaisonhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.DirectoryCopy;

/** {@code validate} answers a pre-commit hook: exit 0, 1 with file:line:column for each problem, or 2 for bad usage. */
class ValidateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path copy;

    @Test
    void theShippedMappingsAndRoutesAreValid() {
        assertThat(validate()).as(err.toString()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("valid: mappings and routes");
    }

    @Test
    void aBrokenCopyFailsWithEachProblemAtItsFileLineAndColumn() throws IOException {
        Path mappings = DirectoryCopy.of(Path.of("mappings"), copy.resolve("mappings"));
        Path routes = DirectoryCopy.of(Path.of("routes"), copy.resolve("routes"));
        Path adt = mappings.resolve("adt-liaison.yaml");
        Files.writeString(adt, Files.readString(adt).replaceFirst("(?m)^    when:", "    whenn:"));
        Path listener = routes.resolve("hl7-adt-inbound.camel.yaml");
        Files.writeString(listener, Files.readString(listener).replace("        keepAlive: true\n",
                "        keepAlive: true\n        keepAlives: true\n"));
        Path transport = mappings.resolve("siu-liaison.yaml");
        Files.writeString(transport, Files.readString(transport) + "  - id: [unclosed\n");

        assertThat(validate("--mappings", mappings.toString(), "--routes", routes.toString())).isEqualTo(1);

        assertThat(out.toString().lines()).hasSize(3)
                .anySatisfy(line -> assertThat(line).matches(adt + ":\\d+:5: unknown key 'whenn' in a rule .*"))
                .anySatisfy(line -> assertThat(line).matches(transport + ":\\d+:\\d+: not valid YAML: .*"))
                .anySatisfy(line -> assertThat(line).matches(listener
                        + ":\\d+:1: route 'hl7-adt-inbound': endpoint netty: has no option 'keepAlives'"));
        assertThat(err.toString()).contains("3 problems");
    }

    @Test
    void anUnknownArgumentOrAMissingDirectoryNameIsAUsageError() {
        assertThat(validate("--mapings", "mappings")).isEqualTo(2);
        assertThat(validate("--routes")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: java -jar liaison-hub.jar validate");
    }

    private int validate(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
