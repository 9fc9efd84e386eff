package org.liaisonhub.dispatch.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.liaisonhub.dispatch.callback.CallbackSignature.Verdict;
import org.liaisonhub.workitem.WorkItemStatus;

class CallbackSignatureTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private final byte[] body = "{\"resourceType\":\"Task\"}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheTimestampADotAndTheBodyWithTheSharedSecret() {
        // the same value as: printf '1700000000.hello' | openssl dgst -sha256 -hmac secret
        assertThat(CallbackSignature.sign("secret", 1_700_000_000L, "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=47b1df0ab12338b2685470b0d2b37033add7c3b2bc8172f313e77413f1bb78c8");
    }

    @Test
    void onlyTheRightSecretOverTheExactTimestampAndBodyIsValid() {
        String signature = CallbackSignature.sign("s3cret", now.getEpochSecond(), body);
        String at = String.valueOf(now.getEpochSecond());
        assertThat(check("s3cret", at, body, signature)).isEqualTo(Verdict.VALID);
        assertThat(check("s3cret", at, body, signature.toUpperCase().replace("SHA256", "sha256")))
                .as("hex case does not matter").isEqualTo(Verdict.VALID);
        assertThat(check("other", at, body, signature)).isEqualTo(Verdict.WRONG);
        assertThat(check("s3cret", at, "{}".getBytes(StandardCharsets.UTF_8), signature)).isEqualTo(Verdict.WRONG);
        assertThat(check("s3cret", String.valueOf(now.getEpochSecond() + 1), body, signature))
                .as("a fresh timestamp on an old signature").isEqualTo(Verdict.WRONG);
        assertThat(check("s3cret", "yesterday", body, signature)).isEqualTo(Verdict.WRONG);
        assertThat(check("s3cret", at, body, null)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check("s3cret", null, body, signature)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check(null, at, body, signature)).as("no secret configured").isEqualTo(Verdict.UNSIGNED);
    }

    @Test
    void aCorrectlySignedCallbackOutsideTheAcceptedAgeIsStale() {
        long sixMinutesAgo = now.minus(Duration.ofMinutes(6)).getEpochSecond();
        long fourMinutesAgo = now.minus(Duration.ofMinutes(4)).getEpochSecond();
        long sixMinutesAhead = now.plus(Duration.ofMinutes(6)).getEpochSecond();

        assertThat(check("s3cret", String.valueOf(sixMinutesAgo), body,
                CallbackSignature.sign("s3cret", sixMinutesAgo, body))).isEqualTo(Verdict.STALE);
        assertThat(check("s3cret", String.valueOf(sixMinutesAhead), body,
                CallbackSignature.sign("s3cret", sixMinutesAhead, body))).isEqualTo(Verdict.STALE);
        assertThat(check("s3cret", String.valueOf(fourMinutesAgo), body,
                CallbackSignature.sign("s3cret", fourMinutesAgo, body))).isEqualTo(Verdict.VALID);
    }

    @Test
    void vendorTaskStatusesMapOntoTheLifecycle() {
        assertThat(VendorCallbackController.target(Task.TaskStatus.ACCEPTED)).isEqualTo(WorkItemStatus.ACCEPTED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.INPROGRESS)).isEqualTo(WorkItemStatus.ACCEPTED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.COMPLETED)).isEqualTo(WorkItemStatus.COMPLETED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.REJECTED)).isEqualTo(WorkItemStatus.FAILED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.FAILED)).isEqualTo(WorkItemStatus.FAILED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.CANCELLED)).isEqualTo(WorkItemStatus.CANCELLED);
        assertThat(VendorCallbackController.target(Task.TaskStatus.RECEIVED)).isNull();
    }

    private Verdict check(String secret, String timestamp, byte[] sent, String signature) {
        return CallbackSignature.check(secret, timestamp, sent, signature, now, FIVE_MINUTES);
    }
}
