package org.liaisonhub.dispatch;

import java.time.Duration;

/**
 * What a vendor answered to one attempt.
 *
 * @param status     the HTTP status, or 0 when no answer came (network error, timeout)
 * @param reference  the vendor's id for the request, from Location or the response body, if it gave one
 * @param retryAfter the vendor's Retry-After, if it sent one
 * @param problem    why the attempt failed, for the dead letter and the history (never the request itself)
 */
public record VendorResponse(int status, String reference, Duration retryAfter, String problem, Duration elapsed) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** Worth another attempt: no answer, 408, 429 or a server error. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
