package org.liaisonhub.dispatch.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.liaisonhub.workitem.WorkItemStatus;

class CallbackSignatureTest {

    private final byte[] body = "{\"resourceType\":\"Task\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyWithTheSharedSecret() {
        // the same value as: printf hello | openssl dgst -sha256 -hmac secret
        assertThat(CallbackSignature.sign("secret", "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b");
    }

    @Test
    void onlyTheRightSecretOverTheExactBodyIsValid() {
        String signature = CallbackSignature.sign("s3cret", body);
        assertThat(CallbackSignature.valid("s3cret", body, signature)).isTrue();
        assertThat(CallbackSignature.valid("s3cret", body, signature.toUpperCase().replace("SHA256", "sha256")))
                .as("hex case does not matter").isTrue();
        assertThat(CallbackSignature.valid("other", body, signature)).isFalse();
        assertThat(CallbackSignature.valid("s3cret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(CallbackSignature.valid("s3cret", body, null)).isFalse();
        assertThat(CallbackSignature.valid(null, body, signature)).as("no secret configured").isFalse();
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
}
