package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.TestServices;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database whose work items carried their open key in a column of its own (migration 5): the open
 * items stay the one open item of their key, the closed ones stay closed.
 */
class WorkItemKeyUpgradeTest {

    @TempDir
    Path dataDir;

    private FluentConfiguration flyway;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion4() {
        Map<String, String> schema = TestServices.properties(dataDir);
        // as the schema's owner, as the hub's migrations run
        DataSource database = new DriverManagerDataSource(schema.get("spring.datasource.url"),
                schema.getOrDefault("spring.flyway.user", schema.get("spring.datasource.username")),
                schema.getOrDefault("spring.flyway.password", schema.get("spring.datasource.password")));
        flyway = Flyway.configure().locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .schemas(schema.get("spring.flyway.schemas")).cleanDisabled(false)
                .placeholders(Map.of("appRole", "liaison_hub_app"));
        flyway.dataSource(database).load().clean();
        flyway.dataSource(database).target(MigrationVersion.fromVersion("4")).load().migrate();
        jdbc = new JdbcTemplate(database);
    }

    @Test
    void openItemsStayTheOneOpenItemOfTheirKeyAndClosedOnesStayClosed() {
        insertAtVersion4(1, "key-a", true);
        insertAtVersion4(2, "key-b", false);
        insertAtVersion4(3, "key-b", false);
        insertAtVersion4(4, "key-b", true);

        flyway.target(MigrationVersion.LATEST).load().migrate();

        assertThat(jdbc.queryForList("select id from work_item where is_open order by id", Long.class))
                .containsExactly(1L, 4L);
        assertThat(jdbc.queryForList("select id from work_item where is_open is null order by id", Long.class))
                .containsExactly(2L, 3L);
        assertThatThrownBy(() -> insert(5, "key-b", true)).as("a second open item of a key")
                .isInstanceOf(DuplicateKeyException.class);
        insert(6, "key-a", null);
        insert(7, "key-c", true);
    }

    private void insertAtVersion4(long id, String naturalKey, boolean open) {
        jdbc.update("""
                insert into work_item (id, type, status, mrn, item_key, natural_key, open_key, details, created_at,
                    updated_at) values (?, 'INTERPRETER', ?, 'MRN', 'spa', ?, ?, '{}', now(), now())""",
                id, open ? "NEW" : "DONE", naturalKey, open ? naturalKey : null);
    }

    private void insert(long id, String naturalKey, Boolean open) {
        jdbc.update("""
                insert into work_item (id, type, status, mrn, item_key, natural_key, is_open, details, created_at,
                    updated_at) values (?, 'INTERPRETER', ?, 'MRN', 'spa', ?, ?, '{}', now(), now())""",
                id, open != null ? "NEW" : "DONE", naturalKey, open);
    }
}
