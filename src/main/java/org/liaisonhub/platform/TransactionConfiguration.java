package org.liaisonhub.platform;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Replaces Spring Boot's transaction manager with one whose commits are durable on every database. */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new DurableCommitTransactionManager(dataSource);
    }
}
