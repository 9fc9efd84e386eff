package org.liaisonhub.platform.security;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.liaisonhub.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API endpoint needs a bearer token (an API key or a JWT) and a role from {@link AccessRules}, except the
 * public ones there (health, vendor callbacks, which carry their own signature). Anything not in the table is
 * denied. Stateless: no sessions, no cookies, so no CSRF to defend against. The console's pages are guarded by
 * their own chain, with sessions ({@link ConsoleSecurity}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeys apiKeys(HubSecurityProperties properties, ObjectProvider<JwtDecoder> jwt,
            @Value("${hub.data-dir}") Path dataDir) {
        ApiKeys keys = new ApiKeys(properties.apiKeys());
        if (keys.isEmpty() && jwt.getIfAvailable() == null) {
            Path file = keys.addGeneratedAdminKey(dataDir);
            log.info("No API key and no JWT issuer are configured: the API accepts the ADMIN key generated in {} "
                    + "(send it as Authorization: Bearer <key>; configure hub.security.* to replace it)", file);
        }
        return keys;
    }

    /** An API key, else a JWT from the configured issuer: the API's bearer tokens and the console's sign-in. */
    @Bean
    BearerAuthenticationManager bearerAuthentication(ApiKeys keys, ObjectProvider<JwtDecoder> jwt,
            HubSecurityProperties properties) {
        return new BearerAuthenticationManager(keys,
                Optional.ofNullable(jwt.getIfAvailable()).map(decoder -> jwtProvider(decoder, properties)));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerAuthenticationManager authentication, ObjectMapper json,
            FhirContext fhir, AuditTrail audit) throws Exception {
        ProblemResponses problems = new ProblemResponses(json, fhir, audit);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(AccessTable.enforce(AccessRules.RULES))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static AuthenticationProvider jwtProvider(JwtDecoder decoder, HubSecurityProperties properties) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new RolesFromClaim(properties.jwt().rolesClaim()));
        return provider;
    }

    /** Roles from a JWT claim (a list, or a dotted path into nested claims); names that are not roles are ignored. */
    static final class RolesFromClaim implements Converter<Jwt, AbstractAuthenticationToken> {

        private final String claim;

        RolesFromClaim(String claim) {
            this.claim = claim;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Object value = jwt.getClaims();
            for (String part : claim.split("\\.")) {
                value = value instanceof java.util.Map<?, ?> map ? map.get(part) : null;
            }
            List<Role> roles = new ArrayList<>();
            if (value instanceof Collection<?> names) {
                for (Object name : names) {
                    for (Role role : Role.values()) {
                        if (role.name().equalsIgnoreCase(String.valueOf(name))) {
                            roles.add(role);
                        }
                    }
                }
            }
            Collection<GrantedAuthority> authorities = HubAuthentication.authorities(roles);
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
