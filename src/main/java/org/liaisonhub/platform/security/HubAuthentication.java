package org.liaisonhub.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller proven by one of the hub's API keys, or a person signed in to the console with either credential. A
 * JWT's own authentication is marked transient (never kept in a session), so a console sign-in keeps this instead:
 * the token's subject and the roles it carried, not the token.
 */
final class HubAuthentication extends AbstractAuthenticationToken {

    private final String name;

    HubAuthentication(String name, List<Role> roles) {
        super(authorities(roles));
        this.name = name;
        setAuthenticated(true);
    }

    /** The same caller, as a session keeps it. */
    static HubAuthentication of(Authentication proven) {
        if (proven instanceof HubAuthentication hub) {
            return hub;
        }
        return new HubAuthentication(proven.getName(), proven.getAuthorities().stream()
                .flatMap(granted -> Role.fromAuthority(granted.getAuthority()).stream()).toList());
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
