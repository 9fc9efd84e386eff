package org.liaisonhub.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller proven by one of the hub's API keys. */
final class HubAuthentication extends AbstractAuthenticationToken {

    private final String name;

    HubAuthentication(String name, List<Role> roles) {
        super(authorities(roles));
        this.name = name;
        setAuthenticated(true);
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
