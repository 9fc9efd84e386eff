package org.liaisonhub.platform.postgres;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} ({@code HUB_DB_URL}), the hub runs its own PostgreSQL
 * ({@link EmbeddedPostgresServer}): Spring Boot's pool connects to it as the hub's login role and Flyway migrates it
 * as the schema's owner, through the connection details below, exactly as against the hospital's PostgreSQL. The
 * server is a bean that the pool depends on: it starts before the first connection and stops after the last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrl.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${hub.data-dir}") Path dataDir,
            @Value("${hub.database.embedded-port}") int port,
            @Value("${spring.flyway.placeholders.appRole}") String appRole) throws IOException {
        return EmbeddedPostgresServer.start(dataDir, port, appRole);
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgresServer server) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return server.hubUser();
            }

            @Override
            public String getPassword() {
                return server.hubPassword();
            }
        };
    }

    @Bean
    FlywayConnectionDetails embeddedPostgresMigrations(EmbeddedPostgresServer server) {
        return new FlywayConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return server.ownerUser();
            }

            @Override
            public String getPassword() {
                return server.ownerPassword();
            }
        };
    }
}
