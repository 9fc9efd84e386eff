package org.liaisonhub.platform.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liaisonhub.platform.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys ({@code hub.security.api-keys.<name>.key} and {@code .roles}) and how roles are read from JWTs
 * ({@code hub.security.jwt.roles-claim}, a claim name or a dotted path such as {@code realm_access.roles}). The JWT
 * issuer or key set itself is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(Map<String, ApiKey> apiKeys, Jwt jwt) {

    public HubSecurityProperties {
        apiKeys = apiKeys == null ? Map.of() : new TreeMap<>(apiKeys);
        jwt = jwt == null ? new Jwt(null) : jwt;
    }

    public record ApiKey(String key, List<Role> roles) {

        public ApiKey {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "key");
        }
    }

    public record Jwt(String rolesClaim) {

        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }
    }
}
