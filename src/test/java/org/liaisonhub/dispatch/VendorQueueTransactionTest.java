package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jms.JmsConstants;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.MllpTestClient;
import org.liaisonhub.support.VendorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The vendor routes consume in local JMS transactions: a delivery that fails with an exception (the database
 * gone, the hub stopping) leaves its message on the queue, and the broker hands it out again.
 */
@DirtiesContext
class VendorQueueTransactionTest extends VendorIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void aDeliveryThatFailsWithAnExceptionIsRolledBackAndTheBrokerRedeliversItsMessage() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        AdviceWith.adviceWith(camel, "vendor-interpreter", route -> route.weaveById("deliver-to-interpreter-vendor")
                .before().process(exchange -> {
                    redelivered.add(exchange.getMessage().getHeader(JmsConstants.JMS_HEADER_REDELIVERED,
                            Boolean.class));
                    if (failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the first delivery fails before reaching the vendor");
                    }
                }));
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workItemsOf(patient.get("MRN")))
                .singleElement().satisfies(item -> assertThat(item.get("status").asText()).isEqualTo("SENT")));
        assertThat(redelivered).containsExactly(false, true);
        assertThat(VENDOR.findAll(postRequestedFor(urlEqualTo("/interpreter"))
                .withRequestBody(containing(patient.get("MRN"))))).hasSize(1);
    }
}
