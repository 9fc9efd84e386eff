package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.liaisonhub.ingest.fhir.FhirRequest;
import org.liaisonhub.ingest.fhir.NotificationIntake;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the EHR's subscriptions deliver their notifications ({@code Subscription.channel.endpoint}), with the
 * hub's bearer token in {@code Subscription.channel.header}. Answered in FHIR terms: an OperationOutcome, JSON or
 * XML as the request's Accept header asks.
 */
@RestController
class FhirNotificationController {

    static final String PATH = "/api/fhir-notifications";

    private final NotificationIntake intake;
    private final FhirContext fhir;

    FhirNotificationController(NotificationIntake intake, FhirContext fhir) {
        this.intake = intake;
        this.fhir = fhir;
    }

    /** Any Content-Type is taken, so that even a mislabelled notification is stored and answered in FHIR terms. */
    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestBody(required = false) String body, Principal caller,
            HttpServletRequest http) {
        // the access audit interceptor records the call: the request carries no path of its own to audit
        FhirRequest request = new FhirRequest(FhirRequest.Kind.NOTIFICATION, body, null, null,
                caller == null ? null : caller.getName(), http.getRemoteAddr(), null, http.getHeader("X-Request-Id"),
                null);
        return answer(200, intake.receive(request), http);
    }

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<String> refused(BaseServerResponseException refusal, HttpServletRequest http) {
        return answer(refusal.getStatusCode(), refusal.getOperationOutcome(), http);
    }

    private ResponseEntity<String> answer(int status, IBaseOperationOutcome outcome, HttpServletRequest http) {
        String accept = http.getHeader(HttpHeaders.ACCEPT);
        boolean xml = accept != null && accept.contains("xml") && !accept.contains("json");
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, (xml ? "application/fhir+xml" : "application/fhir+json")
                        + ";charset=UTF-8")
                .body(parser.encodeResourceToString(outcome));
    }
}
