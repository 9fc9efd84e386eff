package org.liaisonhub.dispatch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.stereotype.Component;

/**
 * Message counts of the vendor queues, asked of the broker through Artemis's management address, so the same
 * code serves the embedded broker and an external one. Answers are cached briefly: a metrics scrape must not
 * load the broker.
 */
@Component
class QueueDepths {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final long REPLY_TIMEOUT_MILLIS = 2_000;
    private static final String MANAGEMENT = "activemq.management";

    private final ConnectionFactory connections;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    QueueDepths(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The number of messages in the queue, or NaN when the broker cannot say right now. */
    double depth(String queue) {
        Reading last = readings.get(queue);
        if (last != null && last.at().plus(FRESH_FOR).isAfter(Instant.now())) {
            return last.count();
        }
        double count = ask(queue);
        readings.put(queue, new Reading(count, Instant.now()));
        return count;
    }

    private double ask(String queue) {
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageConsumer consumer = session.createConsumer(replies);
                    MessageProducer producer = session.createProducer(ActiveMQJMSClient.createQueue(MANAGEMENT))) {
                connection.start();
                Message request = session.createMessage();
                JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
                request.setJMSReplyTo(replies);
                producer.send(request);
                Message reply = consumer.receive(REPLY_TIMEOUT_MILLIS);
                if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                    return Double.NaN;
                }
                Object result = JMSManagementHelper.getResult(reply);
                return result instanceof Number number ? number.doubleValue() : Double.NaN;
            } finally {
                // the connection is shared (cached): a temporary queue would otherwise outlive the question
                replies.delete();
            }
        } catch (Exception brokerCannotSay) {
            // JMSManagementHelper declares Exception; any failure means "unknown right now"
            return Double.NaN;
        }
    }

    private record Reading(double count, Instant at) {
    }
}
