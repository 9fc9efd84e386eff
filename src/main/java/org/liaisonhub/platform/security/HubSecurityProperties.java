package org.liaisonhub.platform.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liaisonhub.platform.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys ({@code hub.security.api-keys.<name>.key} and {@code .roles}) and where a JWT carries this application's
 * roles ({@code hub.security.jwt.roles-claim}, a dotted path into nested claims). The JWT issuer, audiences and key
 * set themselves are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}. {@code plain-http-urls}: the
 * URL prefixes the hub may call over plain http ({@link OutboundUrls}).
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(Map<String, ApiKey> apiKeys, Jwt jwt, List<String> plainHttpUrls) {

    public HubSecurityProperties {
        apiKeys = apiKeys == null ? Map.of() : new TreeMap<>(apiKeys);
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        plainHttpUrls = plainHttpUrls == null ? List.of()
                : plainHttpUrls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
    }

    /** @param facilities the facilities the key's caller may see; empty for all */
    public record ApiKey(String key, List<Role> roles, List<String> facilities) {

        public ApiKey {
            roles = roles == null ? List.of() : List.copyOf(roles);
            facilities = facilities == null ? List.of() : List.copyOf(facilities);
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "key");
        }
    }

    /**
     * @param rolesClaim      the path to the list of role names granted for this application, by default the identity
     *                        provider's client roles ({@code resource_access.liaison-hub.roles}); a top-level
     *                        {@code roles} claim would take roles meant for every application the provider serves
     * @param facilitiesClaim the path to the list of facilities the caller may see ({@code facilities}); absent or
     *                        empty: all
     */
    public record Jwt(String rolesClaim, String facilitiesClaim) {

        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "resource_access.liaison-hub.roles" : rolesClaim;
            facilitiesClaim = facilitiesClaim == null || facilitiesClaim.isBlank() ? "facilities" : facilitiesClaim;
        }
    }
}
