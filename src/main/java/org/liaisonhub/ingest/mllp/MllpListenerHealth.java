package org.liaisonhub.ingest.mllp;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code mllpListener}: up while the MLLP route is started (and so bound). */
@Component("mllpListener")
public class MllpListenerHealth extends AbstractHealthIndicator {

    static final String ROUTE = "hl7-adt-inbound";

    private final CamelContext camel;
    private final MllpProperties properties;

    public MllpListenerHealth(CamelContext camel, MllpProperties properties) {
        this.camel = camel;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(ROUTE);
        health.status(status == ServiceStatus.Started ? "UP" : "DOWN")
                .withDetail("route", ROUTE)
                .withDetail("routeStatus", status == null ? "absent" : status.name())
                .withDetail("port", properties.port());
    }
}
