package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;
import org.springframework.core.NestedExceptionUtils;

/** A hub with a broken mapping file does not start, and says where the file is broken. */
class BadMappingStopsStartupTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path mappings;

    @Test
    void aBadMappingFileFailsStartUpNamingFileLineAndProblem() throws IOException {
        String shipped = Files.readString(Path.of("mappings/adt-liaison.yaml"));
        String broken = shipped.replace("    forEach: IN1", "    forEach: INN");
        assertThat(broken).isNotEqualTo(shipped);
        Files.writeString(mappings.resolve("adt-liaison.yaml"), broken);
        Files.createDirectories(mappings.resolve("tables"));
        Files.copy(Path.of("mappings/tables/bcp47-language.yaml"), mappings.resolve("tables/bcp47-language.yaml"));
        int line = lineOf(broken, "forEach: INN");

        Throwable failure = catchThrowable(() ->
                HubProcess.start(dataDir, TestIds.freePort(), "--hub.mappings.dir=" + mappings).close());

        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(cause).isInstanceOf(MappingFileException.class);
        assertThat(cause.getMessage())
                .contains(mappings.resolve("adt-liaison.yaml") + ":" + line + ":")
                .contains("forEach must name a segment, such as IN1; 'INN' is not one");
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }
}
