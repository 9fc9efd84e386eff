package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.VendorSettings.AuthType;
import org.liaisonhub.dispatch.VendorSettings.RequestKind;
import org.liaisonhub.dispatch.VendorSettings.Vendor;
import org.liaisonhub.support.ShippedVendors;

/**
 * The shipped vendors as application.yml and the environment make them: application.yml names only what differs
 * between them, VendorSettings fills in the rest once, and every setting still comes from the environment.
 */
class VendorSettingsTest {

    @Test
    void theShippedVendorsGetTheirDefaultsFromOnePlace() throws IOException {
        Map<String, Vendor> vendors = bind(Map.of()).vendors();

        assertThat(vendors).containsOnlyKeys("insurance", "interpreter", "transport");
        Vendor insurance = vendors.get("insurance");
        assertThat(insurance.queue()).isEqualTo("liaison.vendor.insurance");
        assertThat(insurance.event()).isEqualTo("insurance-verification");
        assertThat(insurance.request()).isEqualTo(RequestKind.INSURANCE_ELIGIBILITY);
        assertThat(vendors.get("transport").event()).isEqualTo("transport");
        assertThat(vendors.get("interpreter").queue()).isEqualTo("liaison.vendor.interpreter");
        for (Vendor vendor : vendors.values()) {
            assertThat(vendor.consumers()).isEqualTo(2);
            assertThat(vendor.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(vendor.retry().maxAttempts()).isEqualTo(8);
            assertThat(vendor.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThat(vendor.retry().multiplier()).isEqualTo(2.0);
            assertThat(vendor.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(60));
            assertThat(vendor.circuit().failures()).isEqualTo(5);
            assertThat(vendor.circuit().probeInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(vendor.maxRequestsPerSecond()).as("no rate limit").isZero();
            assertThat(vendor.auth().type()).isEqualTo(AuthType.NONE);
            assertThat(vendor.enabled()).as("no URL is shipped").isFalse();
        }
    }

    @Test
    void everyVendorSettingCanComeFromTheEnvironment() throws IOException {
        Vendor insurance = bind(Map.of(
                "HUB_VENDORS_INSURANCE_URL", "https://payer.example.org/eligibility",
                "HUB_VENDORS_INSURANCE_AUTH_TYPE", "api-key",
                "HUB_VENDORS_INSURANCE_AUTH_KEY", "key-from-the-environment",
                "HUB_VENDORS_INSURANCE_CALLBACK_SECRET", "secret-from-the-environment-0123456789abcdef",
                "HUB_VENDORS_INSURANCE_QUEUE", "liaison.vendor.insurance.site-a",
                "HUB_VENDORS_INSURANCE_RETRY_MAX_ATTEMPTS", "3",
                "HUB_VENDORS_INSURANCE_CIRCUIT_PROBE_INTERVAL", "10s",
                "HUB_VENDORS_INSURANCE_MAX_REQUESTS_PER_SECOND", "2.5")).vendors().get("insurance");

        assertThat(insurance.url()).isEqualTo(URI.create("https://payer.example.org/eligibility"));
        assertThat(insurance.auth().type()).isEqualTo(AuthType.API_KEY);
        assertThat(insurance.auth().key()).isEqualTo("key-from-the-environment");
        assertThat(insurance.callbackSecret()).isEqualTo("secret-from-the-environment-0123456789abcdef");
        assertThat(insurance.queue()).isEqualTo("liaison.vendor.insurance.site-a");
        assertThat(insurance.retry().maxAttempts()).isEqualTo(3);
        assertThat(insurance.circuit().probeInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(insurance.maxRequestsPerSecond()).isEqualTo(2.5);
        assertThat(insurance.workItemType()).as("from application.yml").isEqualTo("INSURANCE_VERIFICATION");
    }

    @Test
    void aCallbackSecretShorterThan32BytesStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("HUB_VENDORS_INSURANCE_CALLBACK_SECRET", "s3cret")))
                .hasStackTraceContaining("hub.vendors.insurance.callback-secret must be at least 32 bytes");
    }

    private static VendorSettings bind(Map<String, Object> environment) throws IOException {
        return ShippedVendors.in(environment);
    }
}
