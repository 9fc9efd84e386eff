package org.liaisonhub.platform.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.HttpProblems;
import org.liaisonhub.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
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

    /**
     * An API key, else a JWT from the configured issuer: the API's bearer tokens and the console's sign-in. JWTs are
     * taken only with the issuer and this hub's audience checked, so that a token the identity provider issued for
     * another application is refused.
     */
    @Bean
    BearerAuthenticationManager bearerAuthentication(ApiKeys keys, ObjectProvider<JwtDecoder> jwt,
            ObjectProvider<OAuth2ResourceServerProperties> resourceServer, HubSecurityProperties properties) {
        JwtDecoder decoder = jwt.getIfAvailable();
        if (decoder != null) {
            requireIssuerAndAudience(resourceServer.getObject().getJwt());
        }
        return new BearerAuthenticationManager(keys,
                Optional.ofNullable(decoder).map(d -> jwtProvider(d, properties)));
    }

    private static void requireIssuerAndAudience(OAuth2ResourceServerProperties.Jwt jwt) {
        if (jwt.getIssuerUri() == null || jwt.getIssuerUri().isBlank() || jwt.getAudiences().isEmpty()) {
            throw new IllegalStateException("JWTs are enabled without an issuer and an audience to check: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri and .audiences (this hub's client id at "
                    + "the identity provider), or configure no JWT at all");
        }
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerAuthenticationManager authentication, HttpProblems written,
            AuditTrail audit, FailedAuthentications failures) throws Exception {
        ProblemResponses problems = new ProblemResponses(written, audit, failures);
        http.addFilterBefore(new AuthenticationThrottle(failures, written), BearerTokenAuthenticationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders.withPolicy(SecurityHeaders.API_POLICY))
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
        provider.setJwtAuthenticationConverter(new CallerFromJwt(properties.jwt()));
        return provider;
    }

    /**
     * The caller a JWT proves: its subject, its roles for this application (a list found by a dotted path into
     * nested claims, by exact names; {@code admin} or {@code Admin} grant nothing) and the facilities it may see.
     */
    static final class CallerFromJwt implements Converter<Jwt, AbstractAuthenticationToken> {

        private final HubSecurityProperties.Jwt claims;

        CallerFromJwt(HubSecurityProperties.Jwt claims) {
            this.claims = claims;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<Role> roles = new ArrayList<>();
            for (String name : names(jwt, claims.rolesClaim())) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
            return new HubAuthentication(jwt.getSubject(), roles,
                    FacilityScope.of(names(jwt, claims.facilitiesClaim())));
        }

        private static List<String> names(Jwt jwt, String path) {
            Object value = jwt.getClaims();
            for (String part : path.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            return value instanceof Collection<?> names ? names.stream().map(String::valueOf).toList() : List.of();
        }
    }
}
