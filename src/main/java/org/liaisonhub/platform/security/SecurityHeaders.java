package org.liaisonhub.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers that tell a browser what it may do with the hub's pages, on top of Spring Security's own
 * ({@code nosniff}, {@code X-Frame-Options: DENY}, {@code no-store}). HSTS (one year, subdomains) is sent on every
 * response over HTTPS, so a browser that once reached the hub securely never falls back to plain HTTP. The console
 * runs under a Content-Security-Policy that allows its own scripts and styles only (no inline code, no eval); the
 * API, which serves no pages, allows nothing. No page sends a Referer elsewhere.
 */
final class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> withPolicy(String policy) {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
