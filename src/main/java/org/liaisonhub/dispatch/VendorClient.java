package org.liaisonhub.dispatch;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.liaisonhub.dispatch.VendorSettings.AuthType;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.springframework.stereotype.Component;

/**
 * POSTs one request to a vendor: {@code application/fhir+json}, {@code Idempotency-Key}, {@code X-Correlation-Id}
 * and the vendor's authentication. One attempt per call; retrying is the caller's decision.
 */
@Component
public class VendorClient {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext fhir;
    private final VendorTokens tokens;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    VendorClient(FhirContext fhir, VendorTokens tokens) {
        this.fhir = fhir;
        this.tokens = tokens;
    }

    /** @throws InterruptedException when the hub is stopping: the request is then left for the next start */
    public VendorResponse post(String name, Vendor vendor, String body, String idempotencyKey, String correlationId)
            throws InterruptedException {
        long start = System.nanoTime();
        HttpClient http = clients.computeIfAbsent(name, n -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(vendor.timeout())
                .build());
        try {
            HttpResponse<String> response = http.send(request(name, vendor, body, idempotencyKey, correlationId, http),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && vendor.auth().type() == AuthType.OAUTH2) {
                // a token the vendor no longer takes: fetch a new one and try once more
                tokens.forget(name);
                response = http.send(request(name, vendor, body, idempotencyKey, correlationId, http),
                        HttpResponse.BodyHandlers.ofString());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            String reference = status >= 200 && status < 300 ? reference(response) : null;
            String problem = status >= 200 && status < 300 ? null
                    : "HTTP " + status + excerpt(response.body());
            return new VendorResponse(status, reference,
                    RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                            ZonedDateTime.now()), problem, elapsed);
        } catch (IOException e) {
            return new VendorResponse(0, null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private HttpRequest request(String name, Vendor vendor, String body, String idempotencyKey, String correlationId,
            HttpClient http) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(vendor.url())
                .timeout(vendor.timeout())
                .header("Content-Type", FHIR_JSON + "; charset=UTF-8")
                .header("Accept", FHIR_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        VendorSettings.Auth auth = vendor.auth();
        switch (auth.type()) {
            case API_KEY -> request.header(auth.header(), auth.key());
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            case OAUTH2 -> request.header("Authorization", "Bearer " + tokens.bearer(name, auth, http, vendor.timeout()));
            case NONE -> {
                // nothing to add
            }
        }
        return request.build();
    }

    /** The vendor's id for the request: the Location header, else the id of the resource it answered with. */
    private String reference(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location != null && !location.isBlank()) {
            return location.length() <= 255 ? location : location.substring(0, 255);
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            IBaseResource resource = fhir.newJsonParser().parseResource(body);
            if (resource instanceof Bundle bundle) {
                return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                        .filter(r -> r != null && r.hasIdElement() && "Task".equals(r.fhirType()))
                        .map(r -> "Task/" + r.getIdElement().getIdPart())
                        .findFirst()
                        .orElse(bundle.hasId() ? "Bundle/" + bundle.getIdElement().getIdPart() : null);
            }
            Resource single = (Resource) resource;
            return single.hasId() ? single.fhirType() + "/" + single.getIdElement().getIdPart() : null;
        } catch (RuntimeException notFhir) {
            return null;
        }
    }

    /** The start of an error answer, for the dead letter: vendors explain 4xx there (OperationOutcome). */
    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return ": " + (flat.length() <= 500 ? flat : flat.substring(0, 500) + "...");
    }
}
