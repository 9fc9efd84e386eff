package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.yaml.MappingFileLoader;
import org.springframework.util.PropertyPlaceholderHelper;

/** A mapping file is either valid or rejected with its file, line, column and problem. */
class MappingFileLoaderTest {

    static final FhirPaths PATHS = new FhirPaths(FhirContext.forR4Cached());

    private static final String VALID = """
            ruleSet: test-rules
            source: hl7v2
            patient:
              mrn: PID-3
              visitNumber: { firstOf: [PV1-19, PID-18] }
            rules:
              - id: interpreter
                events: [A01]
                when:
                  - present: PID-15
                workItem:
                  type: INTERPRETER
                  details:
                    language: PID-15
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedMappingsLoad() {
        PropertyPlaceholderHelper defaults = new PropertyPlaceholderHelper("${", "}", ":", null, true);
        Hl7RuleEngine engine = new MappingFileLoader(s -> defaults.replacePlaceholders(s, name -> null), PATHS)
                .loadDirectory(Path.of("mappings")).hl7(Clock.systemUTC());
        assertThat(engine.describe()).contains("adt-liaison", "siu-liaison", "ref-liaison");
        assertThat(engine.messageTypes()).containsExactly("ADT", "REF", "SIU");
    }

    @Test
    void aValidFileLoads() throws IOException {
        write("rules.yaml", VALID);
        assertThat(loader().loadDirectory(dir).hl7(Clock.systemUTC()).describe()).contains("test-rules (1 rules");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "      - present: PID-15|      - presnt: PID-15|10:9|unknown key 'presnt' in a condition",
        "    language: PID-15|    language: PID-15-x|14:19|'PID-15-x' is not a Terser field path",
        "    language: PID-15|    language: PXD-15|14:19|unknown segment PXD",
        "    events: [A01]|    events: [A1]|8:14|'A1' is not a trigger event code",
        "      type: INTERPRETER|      type: interpreter|12:13|work-item type 'interpreter' must be upper-case",
        "  mrn: PID-3|  mrn: $nothing|4:8|unknown value $nothing",
        "    events: [A01]|    events: [A01|9:9|not valid YAML",
        "  visitNumber: { firstOf: [PV1-19, PID-18] }|  location: { ward: PV1-3-1 }|5:15|unknown key 'ward' in location",
        "  visitNumber: { firstOf: [PV1-19, PID-18] }|  location: { unit: { a: PV1-3 } }|5:13|location unit must be one value",
    })
    void aBrokenFileIsRejectedWithFileLineAndProblem(String original, String broken, String lineAndColumn,
            String problem) throws IOException {
        assertThat(VALID).contains(original);
        write("broken.yaml", VALID.replace(original, broken));
        assertThatThrownBy(() -> loader().loadDirectory(dir))
                .isInstanceOf(MappingFileException.class)
                .hasMessageContaining("broken.yaml:" + lineAndColumn + ": " + problem);
    }

    @Test
    void aRuleNeedsExactlyOneAction() throws IOException {
        write("rules.yaml", VALID.replace("""
                    workItem:
                      type: INTERPRETER
                      details:
                        language: PID-15
                """, """
                    cancel:
                      types: all
                    workItem:
                      type: INTERPRETER
                """));
        assertThatThrownBy(() -> loader().loadDirectory(dir))
                .hasMessageContaining("rules.yaml:7:5: rule 'interpreter' needs exactly one of workItem, cancel, update or merge");
    }

    @Test
    void aSharedTableIsReadFromItsFileBelowTheMappingsDirectoryAndNowhereElse() throws IOException {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/languages.yaml"), "# shared\nspa: es\nvie: vi\n");
        write("rules.yaml", VALID.replace("rules:", """
                tables:
                  languages: { fromFile: tables/languages.yaml }
                rules:""").replace("language: PID-15\n", "language: { lookup: languages, of: PID-15 }\n"));
        assertThat(loader().loadDirectory(dir).names()).as("the table file itself is not a rule set")
                .containsExactly("test-rules");

        write("rules.yaml", VALID.replace("rules:", """
                tables:
                  languages: { fromFile: ../outside.yaml }
                rules:"""));
        assertThatThrownBy(() -> loader().loadDirectory(dir)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rules.yaml:7:").hasMessageContaining("below the mappings directory");
    }

    @Test
    void twoFilesMayNotShareARuleSetName() throws IOException {
        write("a.yaml", VALID);
        write("b.yaml", VALID);
        assertThatThrownBy(() -> loader().loadDirectory(dir)).hasMessageContaining("b.yaml")
                .hasMessageContaining("rule set name 'test-rules' is already used");
    }

    @Test
    void placeholdersAreResolvedAndAnUnresolvableOneIsReportedAtItsLine() throws IOException {
        write("rules.yaml", VALID.replace("events: [A01]", "events: ${hub.events}"));
        MappingFileLoader resolving = new MappingFileLoader(s -> s.replace("${hub.events}", "A04"), PATHS);
        assertThat(resolving.loadDirectory(dir).hl7(Clock.systemUTC()).describe()).contains("test-rules");

        MappingFileLoader failing = new MappingFileLoader(s -> {
            throw new IllegalArgumentException("Could not resolve placeholder 'hub.events'");
        }, PATHS);
        assertThatThrownBy(() -> failing.loadDirectory(dir))
                .hasMessageContaining("rules.yaml:8:13: an event: Could not resolve placeholder 'hub.events'");
    }

    @Test
    void aMissingDirectoryIsReported() {
        assertThatThrownBy(() -> loader().loadDirectory(dir.resolve("none")))
                .hasMessageContaining("the mappings directory does not exist");
    }

    private static MappingFileLoader loader() {
        return new MappingFileLoader(s -> s, PATHS);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
