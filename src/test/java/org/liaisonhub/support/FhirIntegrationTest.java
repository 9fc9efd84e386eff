package org.liaisonhub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.platform.security.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The hub with its vendors and the EHR's FHIR server at WireMock, spoken to as an EHR does: HAPI's client. */
public abstract class FhirIntegrationTest extends VendorIntegrationTest {

    /** Shared by the tests: creating a FhirContext is expensive. */
    protected static final FhirContext FHIR = FhirContext.forR4Cached();

    @LocalServerPort
    protected int port;

    /** HAPI's generic client, authenticated as the EHR. */
    protected IGenericClient ehr() {
        IGenericClient client = FHIR.newRestfulGenericClient(fhirBase());
        client.registerInterceptor(new BearerTokenAuthInterceptor(key(Role.EHR)));
        return client;
    }

    protected String fhirBase() {
        return "http://localhost:" + port + "/fhir";
    }

    /** What a vendor received about one patient. */
    protected static List<LoggedRequest> vendorRequests(String vendor, String mrn) {
        return new ArrayList<>(VENDOR.findAll(postRequestedFor(urlEqualTo("/" + vendor))
                .withRequestBody(containing(mrn))));
    }

    /** The types of a patient's work items, and their statuses, as "TYPE STATUS". */
    protected List<String> itemsOf(String mrn) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : workItemsOf(mrn)) {
            items.add(item.get("type").asText() + " " + item.get("status").asText());
        }
        return items;
    }

    /** The stored FHIR message with this control id. */
    protected JsonNode storedMessage(String controlId) {
        return getJson("/api/messages?controlId=" + controlId).at("/items/0");
    }
}
