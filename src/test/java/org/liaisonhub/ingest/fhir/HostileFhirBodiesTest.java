package org.liaisonhub.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.FhirIntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** FHIR bodies written to harm the hub are refused with an OperationOutcome, and harm nothing. */
class HostileFhirBodiesTest extends FhirIntegrationTest {

    @TempDir
    Path files;

    @Test
    void xmlWithAnExternalEntityIsRefusedWithoutReadingTheFile() throws IOException {
        String canary = "CANARY-" + System.nanoTime();
        Path secret = Files.writeString(files.resolve("secret.txt"), canary);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Patient [<!ENTITY stolen SYSTEM "%s">]>
                <Patient xmlns="http://hl7.org/fhir">
                  <identifier><system value="urn:oid:1.2.840.114350"/><value value="MRN-XXE"/></identifier>
                  <name><family value="&stolen;"/></name>
                </Patient>""".formatted(secret.toUri());

        ResponseEntity<String> answer = post("/fhir/Patient", xml, "application/fhir+xml");

        assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
        assertThat(answer.getBody()).contains("OperationOutcome").doesNotContain(canary);
        assertThat(getJson("/api/work-items?mrn=MRN-XXE").get("total").asInt()).isZero();
    }

    @Test
    void jsonNestedTenThousandDeepIsRefusedAndTheHubCarriesOn() {
        String deep = "{\"resourceType\": \"Patient\", \"extension\": " + "[".repeat(10_000) + "]".repeat(10_000)
                + "}";

        ResponseEntity<String> answer = post("/fhir/Patient", deep, "application/fhir+json");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("OperationOutcome");
        assertThat(post("/fhir/Patient", "{\"resourceType\": \"Patient\", ", "application/fhir+json")
                .getStatusCode().value()).as("the next request is answered as usual").isEqualTo(400);
    }

    private ResponseEntity<String> post(String path, String body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key(Role.EHR));
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
