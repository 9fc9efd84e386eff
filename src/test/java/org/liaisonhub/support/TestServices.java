package org.liaisonhub.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the tests' hubs keep their data. By default on the embedded defaults: H2 and Artemis under each hub's
 * data directory. With {@code HUB_TEST_SERVICES=external} (the second pass of .ci/run) on PostgreSQL
 * ({@code HUB_TEST_DB_URL}, {@code _USER}, {@code _PASSWORD}; migrations as {@code HUB_TEST_DB_OWNER}, the hub as
 * the user, a member of the application role) and a standalone Artemis broker
 * ({@code HUB_TEST_BROKER_URL}, {@code _USER}, {@code _PASSWORD}): each data directory then stands for a database
 * schema and vendor queues of its own, so test hubs stay apart as they do on H2, and a hub started again on the
 * same data directory finds its data and its queued messages again.
 */
public final class TestServices {

    private static final String[] VENDORS = {"insurance", "transport", "interpreter"};

    private TestServices() {
    }

    public static boolean external() {
        return "external".equalsIgnoreCase(System.getenv("HUB_TEST_SERVICES"));
    }

    /** The properties a hub on this data directory needs; empty on the embedded defaults. */
    public static Map<String, String> properties(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!external()) {
            return properties;
        }
        String schema = schema(dataDir);
        String url = required("HUB_TEST_DB_URL");
        properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        properties.put("spring.datasource.username", env("HUB_TEST_DB_USER", "postgres"));
        properties.put("spring.datasource.password", env("HUB_TEST_DB_PASSWORD", ""));
        properties.put("spring.flyway.schemas", schema);
        if (System.getenv("HUB_TEST_DB_OWNER") != null) {
            properties.put("spring.flyway.user", System.getenv("HUB_TEST_DB_OWNER"));
            properties.put("spring.flyway.password", env("HUB_TEST_DB_OWNER_PASSWORD", ""));
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

    /**
     * A connection to a hub's database as the schema's owner, for what only the owner can do (and the hub never
     * does): the hub's own on H2, the migrations' user on PostgreSQL.
     */
    public static JdbcTemplate owner(ConfigurableApplicationContext hub) {
        if (!external() || System.getenv("HUB_TEST_DB_OWNER") == null) {
            return hub.getBean(JdbcTemplate.class);
        }
        String url = hub.getEnvironment().getRequiredProperty("spring.datasource.url");
        return new JdbcTemplate(new DriverManagerDataSource(url, System.getenv("HUB_TEST_DB_OWNER"),
                env("HUB_TEST_DB_OWNER_PASSWORD", "")));
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
