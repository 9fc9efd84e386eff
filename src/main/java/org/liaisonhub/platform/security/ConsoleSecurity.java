package org.liaisonhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;
import org.liaisonhub.platform.HttpProblems;
import org.liaisonhub.platform.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's pages: a person signs in once with an API key (or a JWT where an issuer is configured), the same
 * credentials as the API, and gets a session (cookie HttpOnly, SameSite=Strict, Secure over TLS, idle timeout
 * {@code server.servlet.session.timeout}). Unlike the stateless API, a session needs CSRF protection: every
 * state-changing request carries the token. Pages and actions need the roles of {@link AccessRules#CONSOLE};
 * responses are not cached (Spring Security's {@code Cache-Control: no-store}), so after sign-out the back button
 * shows no patient data. Sign-ins, failed ones and sign-outs go to the access audit.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** Where the console lives; everything else is the API's ({@link SecurityConfiguration}). */
    static final RequestMatcher PATHS = new OrRequestMatcher(Stream.concat(Stream.of("/console/**"),
            AccessRules.CONSOLE.stream().map(AccessRule::pattern))
            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, BearerAuthenticationManager bearer, AuditTrail audit,
            FailedAuthentications failures, HttpProblems problems) throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage("/console/forbidden");
        http.securityMatcher(PATHS)
                .addFilterBefore(new AuthenticationThrottle(failures, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityHeaders.withPolicy(SecurityHeaders.CONSOLE_POLICY))
                .authenticationManager(signIn(bearer))
                .authorizeHttpRequests(AccessTable.enforce(AccessRules.CONSOLE))
                .formLogin(login -> login.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("name").passwordParameter("credential")
                        .successHandler((request, response, who) -> {
                            audit.record(who.getName(), "SIGN_IN", null, null, "POST", "/login", 302,
                                    request.getRemoteAddr(), "console");
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, failure) -> {
                            failures.failed(request.getRemoteAddr(), "POST", "/login",
                                    "console sign-in: unknown credentials", true);
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, who) -> signedOut(audit, request, who))
                        .logoutSuccessUrl("/login?signed-out")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The sign-in form's credential is a bearer token: an API key or a JWT, checked as the API checks it. The session
     * keeps who signed in and their roles, never the token itself.
     */
    private static AuthenticationManager signIn(BearerAuthenticationManager bearer) {
        return form -> {
            Object credential = form.getCredentials();
            if (!(credential instanceof String token) || token.isBlank()) {
                throw new BadCredentialsException("No credential");
            }
            return HubAuthentication.of(bearer.authenticate(new BearerTokenAuthenticationToken(token.strip())));
        };
    }

    private static void signedOut(AuditTrail audit, HttpServletRequest request, Authentication who) {
        if (who != null) {
            audit.record(who.getName(), "SIGN_OUT", null, null, "POST", "/logout", 302, request.getRemoteAddr(),
                    "console");
        }
    }
}
