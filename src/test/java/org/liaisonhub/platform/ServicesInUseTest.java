package org.liaisonhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/** The suite runs on the services it says it runs on: a pass meant for PostgreSQL never quietly runs on H2. */
class ServicesInUseTest extends HubIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void theDatabaseAndTheBrokerAreTheOnesThisPassIsFor() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestServices.external() ? "PostgreSQL" : "H2");
        }
        assertThat(context.getBeanNamesForType(EmbeddedActiveMQ.class))
                .as("an embedded broker").hasSize(TestServices.external() ? 0 : 1);
        assertThat(context.getBean(PlatformTransactionManager.class).getClass().getSimpleName())
                .as("commits written to H2's file before they return, only on H2")
                .isEqualTo(TestServices.external() ? "JdbcTransactionManager" : "DurableCommitTransactionManager");
        assertThat(context.containsBean("embeddedH2Housekeeping")).as("H2's housekeeping")
                .isEqualTo(!TestServices.external());
    }
}
