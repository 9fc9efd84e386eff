package org.liaisonhub.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads what a vendor received as plain JSON, to look at it as the vendor would. */
final class FhirJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirJson() {
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
