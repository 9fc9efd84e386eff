package org.liaisonhub.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.liaisonhub.ingest.fhir.FhirRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the hub needs to know of a call to its FHIR server, and the mark that the intake took charge of it. */
final class FhirCalls {

    /** Set once an intake has the request: from then on it stores the request, whatever becomes of it. */
    private static final String TAKEN = FhirCalls.class.getName() + ".taken";

    private FhirCalls() {
    }

    static FhirRequest take(RequestDetails call, FhirRequest.Kind kind, String rawText, String type, String id) {
        call.getUserData().put(TAKEN, Boolean.TRUE);
        return request(call, kind, rawText, type, id);
    }

    static boolean taken(RequestDetails call) {
        return call.getUserData().containsKey(TAKEN);
    }

    static FhirRequest request(RequestDetails call, FhirRequest.Kind kind, String rawText, String type, String id) {
        String path = "/fhir" + (call.getRequestPath() == null || call.getRequestPath().isEmpty() ? ""
                : "/" + call.getRequestPath());
        return new FhirRequest(kind, rawText, type, id, principal(), remoteAddress(call), path,
                call.getHeader("X-Request-Id"), null);
    }

    static String rawText(RequestDetails call) {
        byte[] body = call.loadRequestContents();
        Charset charset = call.getCharset() == null ? StandardCharsets.UTF_8 : call.getCharset();
        return body == null ? "" : new String(body, charset);
    }

    private static String principal() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? null : caller.getName();
    }

    private static String remoteAddress(RequestDetails call) {
        return call instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRemoteAddr() : null;
    }
}
