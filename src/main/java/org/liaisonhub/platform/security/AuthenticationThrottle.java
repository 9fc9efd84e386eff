package org.liaisonhub.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.liaisonhub.platform.HttpProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request from an address that failed to authenticate too often this minute ({@link
 * FailedAuthentications}), before its credentials are looked at: 429 with {@code Retry-After}. Placed in both filter
 * chains, ahead of authentication.
 */
final class AuthenticationThrottle extends OncePerRequestFilter {

    private final FailedAuthentications failures;
    private final HttpProblems problems;

    AuthenticationThrottle(FailedAuthentications failures, HttpProblems problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> refused = failures.refusedFor(request.getRemoteAddr());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, refused.get().toSeconds() + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed authentications",
                "Requests from this address are refused for " + seconds + " s after too many failed authentications",
                IssueType.THROTTLED);
    }
}
