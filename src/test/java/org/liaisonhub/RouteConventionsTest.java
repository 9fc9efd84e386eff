package org.liaisonhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.Vendors;
import org.liaisonhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every route file in routes/ follows the project's conventions, so operators can find each step by id. */
class RouteConventionsTest extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    Vendors vendors;

    @Test
    void everyRouteUsesTheSharedErrorHandlingAndNamesItsInputAndEveryStep() {
        List<RouteDefinition> routes = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinitions();
        assertThat(routes).extracting(RouteDefinition::getRouteId).contains("hl7-adt-inbound");
        for (RouteDefinition route : routes) {
            assertThat(route.getRouteConfigurationId()).as(route.getRouteId()).isEqualTo("hub-error-handling");
            assertThat(route.getInput().hasCustomIdAssigned()).as(route.getRouteId() + " input id").isTrue();
            for (ProcessorDefinition<?> step : steps(route.getOutputs())) {
                assertThat(step.hasCustomIdAssigned()).as(route.getRouteId() + " step " + step).isTrue();
            }
        }
    }

    @Test
    void theMllpListenerHandsEveryMessageToTheIntakeUnderTheSharedErrorHandling() {
        RouteDefinition inbound = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition("hl7-adt-inbound");
        assertThat(inbound.getInput().getEndpointUri()).startsWith("netty:tcp://");
        assertThat(inbound.getOutputs()).extracting(ProcessorDefinition::getId)
                .containsExactly("log-route-failure", "store-map-and-commit");
    }

    @Test
    void everyConfiguredVendorRunsTheVendorRouteTemplateOnItsOwnQueue() {
        for (String name : vendors.names()) {
            Route route = camel.getRoute("vendor-" + name);
            assertThat(route).as("routes/vendor-" + name + ".camel.yaml").isNotNull();
            assertThat(route.getEndpoint()).isInstanceOfSatisfying(JmsEndpoint.class, queue -> {
                assertThat(queue.getDestinationName()).isEqualTo(vendors.get(name).queue());
                assertThat(queue.getConcurrentConsumers()).isEqualTo(vendors.get(name).consumers());
            });
            assertThat(camel.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteDefinition("vendor-" + name).getTemplateParameters()).containsEntry("vendor", name);
        }
    }

    private static List<ProcessorDefinition<?>> steps(List<ProcessorDefinition<?>> outputs) {
        List<ProcessorDefinition<?>> all = new ArrayList<>();
        for (ProcessorDefinition<?> output : outputs) {
            all.add(output);
            all.addAll(steps(output.getOutputs()));
        }
        return all;
    }
}
