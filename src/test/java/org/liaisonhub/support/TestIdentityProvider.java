package org.liaisonhub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A hospital's identity provider as the hub sees it: a JWK set served over HTTP (WireMock) and the RSA key that
 * signs its tokens, which name the provider as issuer and the hub's client id as audience, with the hub's roles
 * among the client roles. {@link #foreign()} makes an identity provider whose tokens the hub must not take.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "https://idp.hospital.test/realms/hospital";
    public static final String AUDIENCE = "liaison-hub";

    private final RSAKey signing;
    private final WireMockServer server;

    private TestIdentityProvider(RSAKey signing, WireMockServer server) {
        this.signing = signing;
        this.server = server;
    }

    /** Starts one, serving its public key at {@link #jwkSetUri()}. */
    public static TestIdentityProvider start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        TestIdentityProvider idp = new TestIdentityProvider(newKey(), server);
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(idp.signing.toPublicJWK()).toString())));
        return idp;
    }

    /** Signs with a key of the same id that no JWK set publishes. */
    public static TestIdentityProvider foreign() {
        return new TestIdentityProvider(newKey(), null);
    }

    public String jwkSetUri() {
        return server.baseUrl() + "/jwks";
    }

    /** The hub's settings that trust this provider, for this hub's audience. */
    public Map<String, String> hubProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** A signed token granting {@code subject} these client roles for the hub, valid for five minutes. */
    public String token(String subject, String... roles) {
        return token(subject, Map.of("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of(roles)))), 300);
    }

    /**
     * A signed token for {@code subject}, for the hub's audience from this issuer, valid from two minutes ago for
     * {@code validForSeconds}; {@code claims} add to or replace those claims.
     */
    public String token(String subject, Map<String, Object> claims, long validForSeconds) {
        JWTClaimsSet.Builder body = claims(subject, validForSeconds);
        claims.forEach(body::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(),
                body.build());
        try {
            token.sign(new RSASSASigner(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /** The claims every token of this provider carries. */
    public static JWTClaimsSet.Builder claims(String subject, long validForSeconds) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validForSeconds)));
    }

    /** The signing key's public half, as anyone may fetch it from the JWK set. */
    public RSAKey publicKey() {
        return signing.toPublicJWK();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("hospital-idp-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
