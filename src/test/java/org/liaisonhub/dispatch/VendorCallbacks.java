package org.liaisonhub.dispatch;

import java.nio.charset.StandardCharsets;
import org.liaisonhub.dispatch.callback.CallbackSignature;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A vendor calling back: a FHIR Task for a work item, signed with the vendor's secret. */
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

    /** @param secret null sends no signature */
    ResponseEntity<String> send(String vendor, String body, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (secret != null) {
            headers.set(CallbackSignature.HEADER, CallbackSignature.sign(secret, bytes));
        }
        return http.postForEntity("/api/vendor-callbacks/" + vendor, new HttpEntity<>(bytes, headers), String.class);
    }
}
