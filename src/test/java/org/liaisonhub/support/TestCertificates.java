package org.liaisonhub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A hospital's small PKI, made for one test: a CA, the hub's server certificate (localhost, 127.0.0.1), an EHR
 * client certificate signed by the CA, and one signed by nobody the hub trusts. Stores are PKCS12 files.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public final Path serverKeystore;
    public final Path truststore;
    private final KeyStore trustedCa;
    private final KeyStore client;
    private final KeyStore strangerClient;

    public TestCertificates(Path directory) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair caKeys = keys();
        X509Certificate ca = certificate("CN=Test Hospital CA", caKeys, "CN=Test Hospital CA", caKeys.getPrivate(),
                true, false);
        KeyPair serverKeys = keys();
        X509Certificate server = certificate("CN=localhost", serverKeys, "CN=Test Hospital CA", caKeys.getPrivate(),
                false, true);
        KeyPair clientKeys = keys();
        X509Certificate clientCertificate = certificate("CN=EPIC-PROD,O=General Hospital", clientKeys,
                "CN=Test Hospital CA", caKeys.getPrivate(), false, false);
        KeyPair strangerKeys = keys();
        X509Certificate stranger = certificate("CN=Somebody Else", strangerKeys, "CN=Somebody Else",
                strangerKeys.getPrivate(), false, false);

        serverKeystore = write(directory.resolve("hub.p12"), keyStore("hub", serverKeys.getPrivate(), server, ca));
        trustedCa = KeyStore.getInstance("PKCS12");
        trustedCa.load(null, null);
        trustedCa.setCertificateEntry("hospital-ca", ca);
        truststore = write(directory.resolve("trusted-cas.p12"), trustedCa);
        client = keyStore("ehr", clientKeys.getPrivate(), clientCertificate, ca);
        strangerClient = keyStore("stranger", strangerKeys.getPrivate(), stranger);
    }

    /** A client that trusts the hospital CA, presenting the EHR certificate, the stranger's, or none. */
    public SSLContext clientContext(ClientCertificate certificate) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustedCa);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        SSLContext context = SSLContext.getInstance("TLS");
        if (certificate == ClientCertificate.NONE) {
            context.init(null, trust.getTrustManagers(), null);
        } else {
            keys.init(certificate == ClientCertificate.TRUSTED ? client : strangerClient, PASSWORD.toCharArray());
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        }
        return context;
    }

    public enum ClientCertificate { TRUSTED, UNTRUSTED, NONE }

    /** A hub's arguments for MLLP over TLS with these stores, asking for client certificates as given. */
    public String[] mllpOverTls(String clientAuth) {
        return new String[] {
            "--hub.mllp.tls.enabled=true",
            "--hub.mllp.tls.keystore=" + serverKeystore,
            "--hub.mllp.tls.keystore-password=" + PASSWORD,
            "--hub.mllp.tls.truststore=" + truststore,
            "--hub.mllp.tls.truststore-password=" + PASSWORD,
            "--hub.mllp.tls.client-auth=" + clientAuth};
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            boolean ca, boolean server) throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        // names parsed as RFC 2253 (most specific first), as a CA encodes them and Java prints them
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Principal(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static KeyStore keyStore(String alias, PrivateKey key, Certificate... chain)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), chain);
        return store;
    }

    private static Path write(Path file, KeyStore store) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
