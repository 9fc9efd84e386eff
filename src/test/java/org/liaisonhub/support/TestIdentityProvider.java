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
import java.util.Map;

/**
 * A hospital's identity provider as the hub sees it: a JWK set served over HTTP (WireMock) and the RSA key that
 * signs its tokens. {@link #foreign()} makes an identity provider whose tokens the hub must not take.
 */
public final class TestIdentityProvider implements AutoCloseable {

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

    /** A signed token for {@code subject} with these claims, valid from two minutes ago for {@code validForSeconds}. */
    public String token(String subject, Map<String, Object> claims, long validForSeconds) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validForSeconds)));
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
