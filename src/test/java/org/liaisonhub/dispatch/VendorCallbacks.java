package org.liaisonhub.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.liaisonhub.dispatch.callback.CallbackSignature;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A vendor calling back: a FHIR Task for a work item, signed with the vendor's secret over a timestamp and it. */
final class VendorCallbacks {

    private final TestRestTemplate http;

    VendorCallbacks(TestRestTemplate http) {
        this.http = http;
    }

    static String task(long workItemId, String status) {
        return """
                {"resourceType": "Task", "id": "vendor-task-%d",
                 "identifier": [{"system": "https://liaisonhub.org/fhir/NamingSystem/work-item", "value": "%d"}],
                 "status": "%s", "intent": "order", "businessStatus": {"text": "Interpreter Ana M. at 10:00"}}"""
                .formatted(workItemId, workItemId, status);
    }

    /** Signed now; @param secret null sends no signature */
    ResponseEntity<String> send(String vendor, String body, String secret) {
        return send(vendor, body, secret, Instant.now());
    }

    /** Signed as sent at {@code sentAt}. */
    ResponseEntity<String> send(String vendor, String body, String secret, Instant sentAt) {
        HttpHeaders headers = new HttpHeaders();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (secret != null) {
            headers.set(CallbackSignature.TIMESTAMP, String.valueOf(sentAt.getEpochSecond()));
            headers.set(CallbackSignature.HEADER, CallbackSignature.sign(secret, sentAt.getEpochSecond(), bytes));
        }
        return send(vendor, bytes, headers);
    }

    /** Exactly these bytes and headers, as a replay repeats a captured callback. */
    ResponseEntity<String> send(String vendor, byte[] body, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.putAll(headers);
        all.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.postForEntity("/api/vendor-callbacks/" + vendor, new HttpEntity<>(body, all), String.class);
    }
}
