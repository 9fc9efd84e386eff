package org.liaisonhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.deploy.MappingCases;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.ingest.OfflineTrial;
import org.liaisonhub.support.DirectoryCopy;
import org.liaisonhub.mapping.RuleBook;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mapping test cases of mappings/tests: the shipped ones pass and apply every shipped rule, and {@code validate}
 * runs a directory's cases and reports a wrong expectation as a diff at its file and line.
 */
class MappingCasesTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theShippedCasesPassAndApplyEveryShippedRule() {
        MappingCases cases = MappingCases.in(Path.of("mappings/tests"));
        assertThat(cases.problems()).isEmpty();
        try (ConfigurableApplicationContext hub = OfflineHub.start(OfflineTrial.class, Map.of())) {
            MappingCases.Run run = cases.run(hub.getBean(MessageTrial.class));

            assertThat(run.failures()).as("failed cases").isEmpty();
            Set<String> rules = new TreeSet<>();
            hub.getBean(RuleBook.class).current().mappings().summaries().forEach(set -> set.rules()
                    .forEach(rule -> rules.add(set.name() + "/" + rule.id())));
            assertThat(run.appliedRules()).as("rules the cases apply").containsAll(rules);
        }
    }

    @Test
    void validateReportsAWrongExpectationAsADiffAtItsStep() throws IOException {
        Path mappings = DirectoryCopy.of(Path.of("mappings"), temp.resolve("mappings"));
        Path cases = mappings.resolve("tests/adt-liaison.yaml");
        Files.writeString(cases, Files.readString(cases).replace("""
                          - opened: INTERPRETER
                            mrn: "900123"
                """, """
                          - opened: INTERPRETER
                            mrn: "900999"
                """));

        assertThat(validate("--mappings", mappings.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(cases + ":\\d+: case 'A Spanish speaker's"
                + " admission opens an interpreter and a verification of her insurance', step 1"
                + " \\(step 1\\)\n"
                + "  - opened INTERPRETER due=2026-11-27T10:30:00Z mrn=900999 .*\n"
                + "  \\+ opened INTERPRETER due=2026-11-27T10:30:00Z mrn=900123 .*\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 of ", "test cases failed");
    }

    @Test
    void aCaseFileThatCannotBeReadIsAProblemAtItsLine() throws IOException {
        Path mappings = DirectoryCopy.of(Path.of("mappings"), temp.resolve("mappings"));
        Path broken = Files.writeString(mappings.resolve("tests/broken.yaml"), """
                cases:
                  - name: a step with no message
                    steps:
                      - answer: AA
                        changes: []
                """);

        assertThat(validate("--mappings", mappings.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(broken + ":4:9: a step names its message once: file, hl7 or fhir");
    }

    private int validate(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
