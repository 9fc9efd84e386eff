package org.liaisonhub.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/mappings/try}: what messages would do under the running rules, as the {@code try} command shows
 * it, for an integration engineer. Nothing is stored, acknowledged or sent to a vendor. The body is a sequence of
 * files as JSON, or one HL7 v2 text ({@code text/plain}) or FHIR resource ({@code application/fhir+json}).
 */
@RestController
class MappingTrialController {

    /** A trial request: the files in order, and whether to explain every rule's verdict. */
    record TrialRequest(List<File> messages, boolean explain) {

        /** @param name what the answer calls it; optional */
        record File(String name, String content) {
        }
    }

    private final MessageTrial trial;

    MappingTrialController(MessageTrial trial) {
        this.trial = trial;
    }

    @PostMapping(path = "/api/mappings/try", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<TriedMessage>> tryFiles(@RequestBody TrialRequest request) {
        if (request.messages() == null || request.messages().isEmpty()
                || request.messages().stream().anyMatch(file -> file == null || file.content() == null)) {
            throw new IllegalArgumentException("messages must list at least one message, each with its content");
        }
        List<TrialInput> inputs = request.messages().stream().map(file -> new TrialInput(
                file.name() == null ? "message" : file.name(), file.content())).toList();
        return Map.of("messages", trial.run(inputs, request.explain()));
    }

    @PostMapping(path = "/api/mappings/try", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/hl7-v2",
            "application/fhir+json"})
    Map<String, List<TriedMessage>> tryOne(@RequestBody String content,
            @RequestParam(defaultValue = "false") boolean explain) {
        return Map.of("messages", trial.run(List.of(new TrialInput("message", content)), explain));
    }
}
