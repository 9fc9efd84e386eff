package org.liaisonhub.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.liaisonhub.dispatch.VendorSettings.Auth;
import org.liaisonhub.platform.Redacted;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials access tokens for vendors, cached until shortly before they expire (or until the
 * vendor turns one down with 401).
 */
@Component
class VendorTokens {

    /** A token is renewed this long before its stated expiry, so that none expires in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    VendorTokens(ObjectMapper json) {
        this.json = json;
    }

    String bearer(String vendor, Auth auth, HttpClient http, Duration timeout) throws IOException, InterruptedException {
        Token cached = tokens.get(vendor);
        if (cached != null && Instant.now().isBefore(cached.expiresAt())) {
            return cached.value();
        }
        Token fresh = fetch(auth, http, timeout);
        tokens.put(vendor, fresh);
        return fresh.value();
    }

    void forget(String vendor) {
        tokens.remove(vendor);
    }

    private Token fetch(Auth auth, HttpClient http, Duration timeout) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials"
                + (auth.scope() == null ? "" : "&scope=" + URLEncoder.encode(auth.scope(), StandardCharsets.UTF_8));
        String client = Base64.getEncoder().encodeToString((URLEncoder.encode(auth.clientId(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(auth.clientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(auth.tokenUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + client)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        JsonNode token = body.get("access_token");
        if (token == null || token.asText().isBlank()) {
            throw new IOException("token endpoint answered without access_token");
        }
        long seconds = body.path("expires_in").asLong(300);
        return new Token(token.asText(), Instant.now().plusSeconds(seconds).minus(MARGIN));
    }

    private record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return Redacted.toString(this, "value");
        }
    }
}
