package org.liaisonhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.liaisonhub.platform.postgres.EmbeddedPostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Where the tests' hubs keep their data. By default on one embedded PostgreSQL for the whole test run (the hub's
 * own {@link EmbeddedPostgresServer}, started once: a cluster per hub would cost seconds each) and embedded Artemis
 * under each hub's data directory. With {@code HUB_TEST_SERVICES=external} (the second pass of .ci/run) on the
 * machine's PostgreSQL ({@code HUB_TEST_DB_URL}, {@code _USER}, {@code _PASSWORD}; migrations as
 * {@code HUB_TEST_DB_OWNER}) and a standalone Artemis broker ({@code HUB_TEST_BROKER_URL}, {@code _USER},
 * {@code _PASSWORD}). Either way the hub connects as a member of the application role, migrations run as the schema's
 * owner, and each data directory stands for a database schema (and, on the standalone broker, vendor queues) of its
 * own, so test hubs stay apart, and a hub started again on the same data directory finds its data again. Tests of
 * the embedded database itself start hubs without these properties.
 */
public final class TestServices {

    private static final String[] VENDORS = {"insurance", "transport", "interpreter"};

    private TestServices() {
    }

    public static boolean external() {
        return "external".equalsIgnoreCase(System.getenv("HUB_TEST_SERVICES"));
    }

    /** The properties a hub on this data directory needs: its database schema, and the broker when external. */
    public static Map<String, String> properties(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        String schema = schema(dataDir);
        Database database = external() ? Database.fromEnvironment() : SharedPostgres.DATABASE;
        properties.put("spring.datasource.url", database.url() + (database.url().contains("?") ? "&" : "?")
                + "currentSchema=" + schema);
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.flyway.schemas", schema);
        if (database.owner() != null) {
            properties.put("spring.flyway.user", database.owner());
            properties.put("spring.flyway.password", database.ownerPassword());
        }
        if (!external()) {
            return properties;
        }
        properties.put("spring.artemis.mode", "native");
        // the hub turns the embedded broker off itself when the mode is native, but properties registered by a
        // test arrive after it has looked
        properties.put("spring.artemis.embedded.enabled", "false");
        properties.put("spring.artemis.broker-url", required("HUB_TEST_BROKER_URL"));
        properties.put("spring.artemis.user", env("HUB_TEST_BROKER_USER", ""));
        properties.put("spring.artemis.password", env("HUB_TEST_BROKER_PASSWORD", ""));
        for (String vendor : VENDORS) {
            // under liaison.vendor.#, so that the broker's redelivery settings for vendor queues apply
            properties.put("hub.vendors." + vendor + ".queue", "liaison.vendor." + vendor + "." + schema);
        }
        return properties;
    }

    /** A connection to a hub's database as the schema's owner, for what only the owner can do (the hub never does). */
    public static JdbcTemplate owner(ConfigurableApplicationContext hub) {
        Database database = external() ? Database.fromEnvironment() : SharedPostgres.DATABASE;
        if (database.owner() == null) {
            return hub.getBean(JdbcTemplate.class);
        }
        String url = hub.getEnvironment().getRequiredProperty("spring.datasource.url");
        return new JdbcTemplate(new DriverManagerDataSource(url, database.owner(), database.ownerPassword()));
    }

    /**
     * A schema of its own with the hub's migrations applied (as the schema's owner), and a connection to it as the
     * hub's user: for tests of the SQL alone, without a hub.
     */
    public static DataSource migratedSchema() {
        Path name = Path.of("migrated-" + UUID.randomUUID());
        Map<String, String> database = properties(name);
        Flyway.configure()
                .dataSource(database.get("spring.datasource.url"),
                        database.getOrDefault("spring.flyway.user", database.get("spring.datasource.username")),
                        database.getOrDefault("spring.flyway.password", database.get("spring.datasource.password")))
                .schemas(database.get("spring.flyway.schemas"))
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .placeholders(Map.of("appRole", "liaison_hub_app")).load().migrate();
        return new DriverManagerDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir) {
        properties(dataDir).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A schema per data directory and CI run: {@code HUB_TEST_SCHEMA_PREFIX} keeps runs apart. */
    private static String schema(Path dataDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return (env("HUB_TEST_SCHEMA_PREFIX", "hubtest") + "_" + HexFormat.of().formatHex(digest, 0, 6))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A PostgreSQL server: where it is, the hub's user and the schema owner's (null when they are the same). */
    private record Database(String url, String user, String password, String owner, String ownerPassword) {

        static Database fromEnvironment() {
            return new Database(required("HUB_TEST_DB_URL"), env("HUB_TEST_DB_USER", "postgres"),
                    env("HUB_TEST_DB_PASSWORD", ""), System.getenv("HUB_TEST_DB_OWNER"),
                    env("HUB_TEST_DB_OWNER_PASSWORD", ""));
        }
    }

    /** The test run's embedded PostgreSQL, started at first use and stopped as the test JVM ends. */
    private static final class SharedPostgres {

        static final Database DATABASE = start();

        private static Database start() {
            try {
                Path home = Files.createTempDirectory("liaison-hub-test-postgres");
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home, 0, "liaison_hub_app");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, home), "test-postgres-stop"));
                return new Database(server.jdbcUrl(), server.hubUser(), server.hubPassword(), server.ownerUser(),
                        server.ownerPassword());
            } catch (IOException e) {
                throw new UncheckedIOException("Starting the tests' embedded PostgreSQL", e);
            }
        }

        private static void stop(EmbeddedPostgresServer server, Path home) {
            try {
                server.close();
                FileSystemUtils.deleteRecursively(home);
            } catch (IOException e) {
                System.err.println("Could not stop the tests' embedded PostgreSQL: " + e);
            }
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("HUB_TEST_SERVICES=external needs " + name);
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
