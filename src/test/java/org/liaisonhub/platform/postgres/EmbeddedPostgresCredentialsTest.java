package org.liaisonhub.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's passwords: made once, readable by the hub's user only, read the same, never printed. */
class EmbeddedPostgresCredentialsTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesTwoPasswordsOnlyTheHubsUserCanReadAndLaterStartsReadTheSame() throws Exception {
        Path file = dataDir.resolve("postgres-credentials");
        EmbeddedPostgresCredentials first = EmbeddedPostgresCredentials.of(file);
        EmbeddedPostgresCredentials again = EmbeddedPostgresCredentials.of(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again).isEqualTo(first);
        assertThat(first.ownerPassword()).hasSize(48).isNotEqualTo(first.hubPassword());
        assertThat(first.toString()).doesNotContain(first.ownerPassword()).doesNotContain(first.hubPassword());
    }
}
