package org.liaisonhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.VendorSettings.Auth;
import org.liaisonhub.dispatch.VendorSettings.AuthType;
import org.liaisonhub.dispatch.VendorSettings.RequestKind;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.dispatch.VendorSettings;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.platform.security.HubSecurityProperties;
import org.liaisonhub.platform.security.Role;

/** A settings record printed anywhere (a log line, an exception, a debugger) shows whether a secret is set, not it. */
class SecretsStayOutOfTextTest {

    @Test
    void vendorKeysPasswordsClientSecretsAndCallbackSecretsAreMasked() {
        Auth auth = new Auth(AuthType.OAUTH2, null, "key-SECRET-1", "liaison", "password-SECRET-2",
                URI.create("https://idp.example.org/token"), "hub-client", "client-SECRET-3", "referrals");
        Vendor vendor = new Vendor("INTERPRETER", null, 0, URI.create("https://agency.example.org/fhir"),
                Duration.ofSeconds(5), null, RequestKind.INTERPRETER, auth, null, null, 0,
                "callback-SECRET-4-0123456789abcdef0123", null, null);
        String text = new VendorSettings(Map.of("interpreter", vendor)).toString();

        assertThat(text).doesNotContain("SECRET").contains("username=liaison").contains("clientId=hub-client")
                .contains("key=****").contains("callbackSecret=****").contains("https://agency.example.org/fhir");
    }

    @Test
    void apiKeysEhrCredentialsAndKeystorePasswordsAreMasked() {
        String keys = new HubSecurityProperties(Map.of("nurse", new HubSecurityProperties.ApiKey("api-SECRET-5",
                List.of(Role.LIAISON), null)), null, null).toString();
        String ehr = new FhirProperties.EhrAuth("bearer", "token-SECRET-6", null, null).toString();
        String tls = new MllpProperties.Tls(true, Path.of("hub.p12"), "store-SECRET-7", null, Path.of("cas.p12"),
                "trust-SECRET-8", null, null, null).toString();

        assertThat(keys).doesNotContain("SECRET").contains("roles=[LIAISON]").contains("key=****");
        assertThat(ehr).doesNotContain("SECRET").contains("token=****").contains("password=(none)");
        assertThat(tls).doesNotContain("SECRET").contains("keystore=hub.p12").contains("truststorePassword=****");
    }
}
