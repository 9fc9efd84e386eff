package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and the generated admin key are the hub user's alone from the moment they exist. */
class OwnerOnlyFilesTest {

    @TempDir
    Path work;

    @Test
    void theDirectoriesItCreatesAreTheOwnersOnly() throws IOException {
        Path dataDir = work.resolve("hub").resolve("data");

        OwnerOnlyFiles.createDirectories(dataDir);

        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dataDir.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileIsWrittenOnceWholeAndOwnerOnlyEvenWhenSeveralStartAtOnce() throws IOException {
        Path key = work.resolve("admin-api-key");

        List<String> seen = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                return OwnerOnlyFiles.createOnce(key, "key-" + i + "\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).toList().stream().map(CompletableFuture::join).toList();

        assertThat(seen).as("everyone reads the one key written").containsOnly(Files.readString(key));
        assertThat(Files.readString(key)).matches("key-\\d\n");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(OwnerOnlyFiles.createOnce(key, "another\n")).isEqualTo(seen.get(0));
        try (var left = Files.list(work)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("admin-api-key");
        }
    }
}
