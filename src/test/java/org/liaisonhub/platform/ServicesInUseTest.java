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

/** The suite runs on the services it says it runs on: a pass meant for the standalone services never runs embedded. */
class ServicesInUseTest extends HubIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void theDatabaseAndTheBrokerAreTheOnesThisPassIsFor() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            String server = TestServices.external() ? System.getenv("HUB_TEST_DB_URL") : "jdbc:postgresql://127.0.0.1:";
            assertThat(connection.getMetaData().getURL()).as("the machine's PostgreSQL or the tests' embedded one")
                    .startsWith(server);
        }
        assertThat(context.getBeanNamesForType(EmbeddedActiveMQ.class))
                .as("an embedded broker").hasSize(TestServices.external() ? 0 : 1);
    }
}
