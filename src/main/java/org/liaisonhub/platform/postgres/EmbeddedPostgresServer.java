package org.liaisonhub.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.liaisonhub.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: a real PostgreSQL server whose cluster lives under the hub's data directory,
 * started with the hub and stopped after it, so that the hub on its defaults speaks the same SQL, and keeps the same
 * promises, as on the hospital's PostgreSQL. Every commit is synced to disk before it returns ({@code fsync} and
 * {@code synchronous_commit} on, PostgreSQL's defaults, which zonky's test settings would turn off), and commits that
 * end together share one sync. It listens on loopback only, on a port of its own at every start, with no Unix
 * socket, and accepts only its two roles' passwords ({@link EmbeddedPostgresCredentials}). Its server log goes to a
 * file beside the cluster; errors are logged tersely and without the statement, which can hold PHI.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The hub's database in the cluster; its tables live in the schema {@code public}. */
    static final String DATABASE = "liaison_hub";
    /** The login role the hub connects as, a member of the application role. */
    static final String HUB_ROLE = "liaison_hub";
    static final String OWNER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres server;
    private final EmbeddedPostgresCredentials credentials;

    private EmbeddedPostgresServer(EmbeddedPostgres server, EmbeddedPostgresCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    /**
     * Starts the server on {@code dataDir/postgres} (created at the first start), on {@code port} (0: any free one),
     * with {@code appRole} the role whose rights the migrations grant.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String appRole) throws IOException {
        Path home = dataDir.toAbsolutePath().normalize();
        Path cluster = home.resolve("postgres");
        Path binaries = home.resolve("postgres-binaries");
        OwnerOnlyFiles.createDirectories(binaries);
        Path credentialsFile = home.resolve("postgres-credentials");
        boolean created = !Files.exists(cluster.resolve("PG_VERSION"));
        if (!created && !Files.exists(credentialsFile)) {
            throw new IllegalStateException(credentialsFile + " is missing, and the embedded database in " + cluster
                    + " accepts only the passwords it held: restore the file from a backup of the data directory");
        }
        EmbeddedPostgresCredentials credentials = EmbeddedPostgresCredentials.of(credentialsFile);
        StalePostmaster.stopIfRunning(cluster);
        long started = System.nanoTime();
        Path passwordFile = created ? ownerPasswordFile(home, credentials) : null;
        Redirect serverLog = Redirect.appendTo(OwnerOnlyFiles.createFile(home.resolve("postgres.log")).toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setConnectConfig("password", credentials.ownerPassword())
                // initdb: passwords for every connection, C collation (the same order everywhere), UTF-8
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("log_min_error_statement", "panic");
        if (passwordFile != null) {
            builder.setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        EmbeddedPostgresServer embedded = new EmbeddedPostgresServer(server, credentials);
        try {
            embedded.prepare(appRole);
        } catch (SQLException e) {
            embedded.close();
            throw new IOException("Preparing the embedded PostgreSQL database failed", e);
        }
        log.info("Embedded PostgreSQL {} on 127.0.0.1:{} ({} in {} ms)", created ? "created" : "started",
                server.getPort(), cluster, (System.nanoTime() - started) / 1_000_000);
        return embedded;
    }

    /** initdb reads the superuser's password from a file; it exists only while the cluster is created. */
    private static Path ownerPasswordFile(Path home, EmbeddedPostgresCredentials credentials) throws IOException {
        Path file = home.resolve("postgres-initdb-password");
        Files.deleteIfExists(file);
        OwnerOnlyFiles.createOnce(file, credentials.ownerPassword() + "\n");
        return file;
    }

    /** The hub's database and login role, created at the first start; the role's password kept as the file says. */
    private void prepare(String appRole) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), OWNER,
                credentials.ownerPassword()); Statement sql = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                sql.execute("create database " + DATABASE);
            }
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", appRole)) {
                sql.execute("create role " + quoted(appRole) + " nologin");
            }
            String verb = exists(connection, "select 1 from pg_roles where rolname = ?", HUB_ROLE) ? "alter" : "create";
            sql.execute(verb + " role " + HUB_ROLE + " login password '" + credentials.hubPassword() + "'");
            sql.execute("grant " + quoted(appRole) + " to " + HUB_ROLE);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /** The JDBC URL of the hub's database. */
    public String jdbcUrl() {
        return url(DATABASE);
    }

    public String hubUser() {
        return HUB_ROLE;
    }

    public String hubPassword() {
        return credentials.hubPassword();
    }

    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return credentials.ownerPassword();
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server (PostgreSQL's fast shutdown: sessions ended, everything committed is on disk). */
    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[127.0.0.1:" + server.getPort() + "]";
    }
}
