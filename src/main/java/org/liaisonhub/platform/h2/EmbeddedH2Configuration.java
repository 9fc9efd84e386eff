package org.liaisonhub.platform.h2;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What the hub does about embedded H2, and only there: commits written to the file before they return (so that an
 * ACK follows a durable commit) and the file kept bounded. On PostgreSQL, whose commit is durable by itself, Spring
 * Boot's plain transaction manager is used and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedH2Database.class)
class EmbeddedH2Configuration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new DurableCommitTransactionManager(dataSource);
    }

    @Bean
    EmbeddedH2Housekeeping embeddedH2Housekeeping(DataSource dataSource) {
        return new EmbeddedH2Housekeeping(dataSource);
    }
}
