package org.liaisonhub.platform.security;

import java.util.Collection;
import java.util.List;
import org.liaisonhub.platform.FacilityScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller proven by one of the hub's API keys or by a JWT, or a person signed in to the console with either
 * credential: a name (key name or token subject), roles and the facilities it may see. A session keeps this, never
 * the token.
 */
final class HubAuthentication extends AbstractAuthenticationToken implements FacilityScope.Scoped {

    private final String name;
    private final FacilityScope scope;

    HubAuthentication(String name, List<Role> roles, FacilityScope scope) {
        super(authorities(roles));
        this.name = name;
        this.scope = scope;
        setAuthenticated(true);
    }

    /** The same caller, as a session keeps it. */
    static HubAuthentication of(Authentication proven) {
        if (proven instanceof HubAuthentication hub) {
            return hub;
        }
        return new HubAuthentication(proven.getName(), proven.getAuthorities().stream()
                .flatMap(granted -> Role.fromAuthority(granted.getAuthority()).stream()).toList(),
                FacilityScope.of(proven));
    }

    @Override
    public FacilityScope facilityScope() {
        return scope;
    }

    static Collection<GrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }
}
