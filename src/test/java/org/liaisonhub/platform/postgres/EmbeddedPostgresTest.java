package org.liaisonhub.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On its defaults the hub runs a PostgreSQL of its own under the data directory: durable commits, loopback only,
 * passwords only another user of the machine cannot read, the hub a role that is no superuser; it keeps its data
 * across restarts and stops with the hub.
 */
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void aHubOnItsDefaultsRunsItsOwnDurableLoopbackOnlyPostgresUnderItsDataDirectory() throws Exception {
        int port;
        String url;
        try (ConfigurableApplicationContext hub = HubProcess.startOnItsOwn(dataDir, TestIds.freePort())) {
            EmbeddedPostgresServer server = hub.getBean(EmbeddedPostgresServer.class);
            port = server.port();
            url = server.jdbcUrl();
            JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(url, "postgres",
                    server.ownerPassword()));
            assertThat(owner.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(owner.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(owner.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(owner.queryForObject("show unix_socket_directories", String.class)).isEmpty();
            JdbcTemplate asHub = hub.getBean(JdbcTemplate.class);
            assertThat(asHub.queryForObject("select current_user", String.class)).isEqualTo("liaison_hub");
            assertThat(asHub.queryForObject("select rolsuper from pg_roles where rolname = current_user",
                    Boolean.class)).as("the hub is no superuser").isFalse();
            assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve("postgres-credentials")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres.log"))))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .as("no connection without the password").isInstanceOf(SQLException.class);
            assertThat(Files.readString(dataDir.resolve("postgres-credentials")))
                    .contains("owner=").contains("hub=");
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/liaison_hub",
                "postgres", "").close()).as("stopped with the hub").isInstanceOf(SQLException.class);
    }

    @Test
    void aSecondHubOnTheDataDirectoryOfARunningOneIsRefusedAndTheFirstGoesOn() {
        int mllp = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.startOnItsOwn(dataDir, mllp);
                MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp)) {
            assertThatThrownBy(() -> HubProcess.startOnItsOwn(dataDir, TestIds.freePort()).close())
                    .rootCause().hasMessageContaining("Another hub is running on this data directory");
            assertThat(ehr.send(Fixtures.fresh().with("VERSION", "2.5.1").hl7("a01-admit-interpreter")).code())
                    .isEqualTo("AA");
        }
    }

    @Test
    void aClusterWhosePasswordsFileIsGoneIsNotStartedWithNewOnes() throws Exception {
        HubProcess.startOnItsOwn(dataDir, TestIds.freePort()).close();
        Files.delete(dataDir.resolve("postgres-credentials"));

        assertThatThrownBy(() -> HubProcess.startOnItsOwn(dataDir, TestIds.freePort()).close()).rootCause()
                .hasMessageContaining("postgres-credentials is missing");
        assertThat(dataDir.resolve("postgres-credentials")).as("no new passwords made up").doesNotExist();
    }

    @Test
    void whatOneRunStoredTheNextFinds() {
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        int mllp = TestIds.freePort();
        try (ConfigurableApplicationContext hub = HubProcess.startOnItsOwn(dataDir, mllp);
                MllpTestClient ehr = new MllpTestClient("127.0.0.1", mllp)) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        try (ConfigurableApplicationContext hub = HubProcess.startOnItsOwn(dataDir, TestIds.freePort())) {
            assertThat(hub.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from inbound_message where control_id = ?", Integer.class,
                    patient.get("CONTROL_ID"))).isEqualTo(1);
        }
    }
}
