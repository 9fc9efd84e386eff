package org.liaisonhub.platform.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@code Authorization: Bearer <token>}: one of the hub's API keys, else a JWT from the configured issuer (when one
 * is configured). Anything else is refused.
 */
final class BearerAuthenticationManager implements AuthenticationManager {

    private final ApiKeys keys;
    private final Optional<AuthenticationProvider> jwt;

    BearerAuthenticationManager(ApiKeys keys, Optional<AuthenticationProvider> jwt) {
        this.keys = keys;
        this.jwt = jwt;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Optional<ApiKeys.Caller> caller = keys.find(token);
        if (caller.isPresent()) {
            return new HubAuthentication(caller.get().name(), caller.get().roles(), caller.get().scope());
        }
        if (jwt.isPresent() && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.get().authenticate(authentication);
        }
        throw new BadCredentialsException("Unknown API key");
    }
}
