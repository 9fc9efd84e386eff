package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Several EHR connections sending at the same time: every message acknowledged, nothing lost or doubled. */
class ConcurrentSendersTest extends HubIntegrationTest {

    private static final int CONNECTIONS = 4;
    private static final int MESSAGES_PER_CONNECTION = 250;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fourConnectionsOfTwoHundredFiftyMessagesAreAllAcknowledgedAndCountedExactly() throws Exception {
        String batch = "B" + TestIds.controlId().substring(1, 9);
        String visit = TestIds.visit();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                int number = connection;
                results.add(senders.submit(sendAll(batch, visit, number)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).hasSize(MESSAGES_PER_CONNECTION).containsOnly("AA");
            }
        } finally {
            senders.shutdownNow();
        }

        int total = CONNECTIONS * MESSAGES_PER_CONNECTION;
        assertThat(jdbc.queryForObject(
                "select count(*) from inbound_message where control_id like ? and status = 'PROCESSED'",
                Integer.class, batch + "-%")).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(*) from work_item where visit_number = ?", Integer.class, visit))
                .isEqualTo(total);
        assertThat(getJson("/api/work-items?size=1&visit=" + visit).get("total").asInt()).isEqualTo(total);
    }

    private Callable<List<String>> sendAll(String batch, String visit, int connection) {
        return () -> {
            List<String> codes = new ArrayList<>();
            try (MllpTestClient ehr = mllp()) {
                for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                    Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1").with("VISIT", visit)
                            .with("CONTROL_ID", batch + "-" + connection + "-" + i);
                    codes.add(ehr.send(patient.hl7("a01-admit-interpreter")).code());
                }
            }
            return codes;
        };
    }
}
