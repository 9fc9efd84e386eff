package org.liaisonhub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.VendorSettings.Auth;
import org.liaisonhub.dispatch.VendorSettings.AuthType;
import org.liaisonhub.dispatch.VendorSettings.RequestKind;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.support.FhirR4Validator;

/** How the hub authenticates to vendors and reads their answers, against a WireMock vendor. */
class VendorClientTest {

    private static final FhirContext FHIR = FhirR4Validator.context();
    private final WireMockServer vendor = new WireMockServer(options().dynamicPort());
    private final VendorClient client = new VendorClient(FHIR, new VendorTokens(new ObjectMapper()));

    @BeforeEach
    void start() {
        vendor.start();
        vendor.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/fhir+json")
                .withBody("{\"resourceType\":\"Task\",\"id\":\"vendor-77\",\"status\":\"received\",\"intent\":\"order\"}")));
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    @Test
    void theRequestCarriesFhirJsonTheIdempotencyKeyAndTheCorrelationId() throws InterruptedException {
        VendorResponse response = client.post("v", vendor(new Auth(AuthType.NONE, null, null, null, null, null, null,
                null, null)), "{}", "key-1", "msg-9");
        assertThat(response.delivered()).isTrue();
        assertThat(response.reference()).as("the Task id of the body").isEqualTo("Task/vendor-77");
        vendor.verify(postRequestedFor(urlEqualTo("/requests"))
                .withHeader("Content-Type", containing("application/fhir+json"))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withHeader("X-Correlation-Id", equalTo("msg-9")));
    }

    @Test
    void apiKeyAndBasicAuthenticationAreSentAsConfigured() throws InterruptedException {
        client.post("k", vendor(new Auth(AuthType.API_KEY, "X-Agency-Key", "k-123", null, null, null, null, null,
                null)), "{}", "key-2", null);
        vendor.verify(postRequestedFor(urlEqualTo("/requests")).withHeader("X-Agency-Key", equalTo("k-123")));

        client.post("b", vendor(new Auth(AuthType.BASIC, null, null, "hub", "pa55", null, null, null, null)), "{}",
                "key-3", null);
        vendor.verify(postRequestedFor(urlEqualTo("/requests"))
                .withHeader("Authorization", equalTo("Basic aHViOnBhNTU=")));
    }

    @Test
    void anOAuth2TokenIsFetchedOnceReusedAndRenewedWhenTheVendorTurnsItDown() throws InterruptedException {
        vendor.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willSetStateTo("second").willReturn(aResponse().withStatus(200)
                        .withBody("{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        vendor.stubFor(post(urlEqualTo("/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200)
                        .withBody("{\"access_token\":\"t-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        Vendor oauth = vendor(new Auth(AuthType.OAUTH2, null, null, null, null, URI.create(vendor.baseUrl() + "/token"),
                "hub-client", "hub-secret", "referrals.write"));

        client.post("o", oauth, "{}", "key-4", null);
        client.post("o", oauth, "{}", "key-5", null);
        vendor.verify(1, postRequestedFor(urlEqualTo("/token"))
                .withHeader("Authorization", equalTo("Basic aHViLWNsaWVudDpodWItc2VjcmV0"))
                .withRequestBody(containing("grant_type=client_credentials")));
        vendor.verify(2, postRequestedFor(urlEqualTo("/requests")).withHeader("Authorization", equalTo("Bearer t-1")));

        vendor.stubFor(post(urlEqualTo("/requests")).withHeader("Authorization", equalTo("Bearer t-1")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        assertThat(client.post("o", oauth, "{}", "key-6", null).delivered()).isTrue();
        vendor.verify(2, postRequestedFor(urlEqualTo("/token")));
        vendor.verify(1, postRequestedFor(urlEqualTo("/requests")).withHeader("Authorization", equalTo("Bearer t-2")));
    }

    @Test
    void aRefusedConnectionIsARetryableNoAnswer() throws InterruptedException {
        Vendor unreachable = new Vendor("X", "q", 1, URI.create("http://127.0.0.1:1/requests"), Duration.ofSeconds(2),
                "e", RequestKind.SERVICE, null, null, null, 0, null, null, null);
        VendorResponse response = client.post("down", unreachable, "{}", "key-7", null);
        assertThat(response.status()).isZero();
        assertThat(response.retryable()).isTrue();
        assertThat(response.problem()).contains("ConnectException");
    }

    private Vendor vendor(Auth auth) {
        return new Vendor("X", "q", 1, URI.create(vendor.baseUrl() + "/requests"), Duration.ofSeconds(5), "e",
                RequestKind.SERVICE, auth, null, null, 0, null, null, null);
    }
}
