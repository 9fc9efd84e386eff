package org.liaisonhub.platform.security;

import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** A table of {@link AccessRule}s as a filter chain's authorization: each rule's roles, and nothing else allowed. */
final class AccessTable {

    private AccessTable() {
    }

    static Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
            enforce(List<AccessRule> rules) {
        return requests -> {
            for (AccessRule rule : rules) {
                PathPatternRequestMatcher matcher = PathPatternRequestMatcher.withDefaults()
                        .matcher(rule.method(), rule.pattern());
                if (rule.isPublic()) {
                    requests.requestMatchers(matcher).permitAll();
                } else {
                    requests.requestMatchers(matcher).hasAnyRole(
                            rule.allowed().stream().map(Role::name).toArray(String[]::new));
                }
            }
            requests.anyRequest().denyAll();
        };
    }
}
