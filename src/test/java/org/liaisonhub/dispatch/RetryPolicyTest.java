package org.liaisonhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.VendorSettings.Retry;

class RetryPolicyTest {

    private final Retry retry = new Retry(8, Duration.ofSeconds(1), 2, Duration.ofSeconds(10), Duration.ofMinutes(2));

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        assertThat(RetryPolicy.delay(retry, 1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.delay(retry, 2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.delay(retry, 4, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.delay(retry, 5, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryPolicy.delay(retry, 30, null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aVendorsRetryAfterIsHonouredWithinItsLimit() {
        assertThat(RetryPolicy.delay(retry, 1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.delay(retry, 1, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(RetryPolicy.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryPolicy.retryAfter("Fri, 27 Nov 2026 12:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryPolicy.retryAfter("Fri, 27 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("soon", now)).isNull();
        assertThat(RetryPolicy.retryAfter(null, now)).isNull();
    }

    @Test
    void onlyNoAnswerTimeoutsThrottlingAndServerErrorsAreRetried() {
        assertThat(response(0).retryable()).isTrue();
        assertThat(response(408).retryable()).isTrue();
        assertThat(response(429).retryable()).isTrue();
        assertThat(response(503).retryable()).isTrue();
        assertThat(response(400).retryable()).isFalse();
        assertThat(response(401).retryable()).isFalse();
        assertThat(response(404).retryable()).isFalse();
        assertThat(response(201).delivered()).isTrue();
    }

    private static VendorResponse response(int status) {
        return new VendorResponse(status, null, null, null, Duration.ZERO);
    }
}
