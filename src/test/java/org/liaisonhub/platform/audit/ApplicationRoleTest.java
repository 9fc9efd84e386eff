package org.liaisonhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.HubProcess;
import org.liaisonhub.support.TestIds;
import org.liaisonhub.support.TestServices;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub runs as a member of the application role, not as the schema's owner: it appends to the audit trail and
 * reads it, and can neither change, delete nor truncate it, nor take its triggers away, nor touch the migration
 * history. So on the tests' embedded PostgreSQL, as on the embedded default, and on an external one whose owner
 * the pass names.
 */
class ApplicationRoleTest {

    @Test
    void theHubsOwnDatabaseUserCannotAlterTheAuditTrail(@TempDir Path dataDir) {
        assumeTrue(!TestServices.external() || System.getenv("HUB_TEST_DB_OWNER") != null,
                "an external PostgreSQL with a schema owner apart from the hub's user");
        try (ConfigurableApplicationContext hub = HubProcess.start(dataDir, TestIds.freePort())) {
            JdbcTemplate asHub = hub.getBean(JdbcTemplate.class);
            String owner = TestServices.owner(hub).queryForObject("select current_user", String.class);
            assertThat(asHub.queryForObject("select current_user", String.class)).isNotEqualTo(owner);
            hub.getBean(AuditTrail.class).record("tester", "READ", "WorkItem", "1", "GET", "/api/work-items/1", 200,
                    "127.0.0.1", null);
            assertThat(asHub.queryForObject("select count(*) from access_audit", Long.class)).isPositive();

            for (String forbidden : new String[] {
                "update access_audit set principal = 'someone.else'",
                "delete from access_audit",
                "truncate access_audit",
                "truncate access_audit_head",
                "delete from access_audit_head",
                "alter table access_audit disable trigger access_audit_append_only",
                "drop trigger access_audit_append_only on access_audit",
                "delete from flyway_schema_history"}) {
                assertThatThrownBy(() -> asHub.execute(forbidden)).as(forbidden)
                        .isInstanceOf(DataAccessException.class).rootCause()
                        .satisfies(refused -> assertThat(refused.getMessage())
                                .containsAnyOf("permission denied", "must be owner"));
            }
            assertThat(hub.getBean(AuditTrail.class).verify().intact()).isTrue();
        }
    }
}
