package org.liaisonhub.dispatch.callback;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.liaisonhub.dispatch.DispatchProperties;
import org.liaisonhub.dispatch.Vendors;
import org.liaisonhub.dispatch.fhir.FhirCodes;
import org.liaisonhub.platform.AuthenticationFailures;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemService;
import org.liaisonhub.workitem.WorkItemStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vendors report progress here: a FHIR Task (or a message Bundle holding one, with what the vendor learned) that
 * carries the hub's work-item identifier, signed with the vendor's shared secret over a timestamp and the body.
 * A callback is applied once: a stale one, or one whose signature was taken before, is refused 401 and changes
 * nothing. Answers are FHIR OperationOutcomes. A report the lifecycle cannot follow (late, repeated) is recorded in
 * the item's history and acknowledged, not refused.
 */
@RestController
@RequestMapping("/api/vendor-callbacks")
public class VendorCallbackController {

    private static final Logger log = LoggerFactory.getLogger(VendorCallbackController.class);
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final Vendors vendors;
    private final WorkItemRepository items;
    private final WorkItemService workItems;
    private final CallbackReplays replays;
    private final DispatchProperties properties;
    private final FhirContext fhir;
    private final TransactionTemplate transaction;
    private final AuthenticationFailures failures;

    VendorCallbackController(Vendors vendors, WorkItemRepository items, WorkItemService workItems,
            CallbackReplays replays, DispatchProperties properties, FhirContext fhir,
            PlatformTransactionManager transactions, AuthenticationFailures failures) {
        this.vendors = vendors;
        this.items = items;
        this.workItems = workItems;
        this.replays = replays;
        this.properties = properties;
        this.fhir = fhir;
        this.transaction = new TransactionTemplate(transactions);
        this.failures = failures;
    }

    @PostMapping(path = "/{vendor}", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<String> report(@PathVariable String vendor,
            @RequestHeader(value = CallbackSignature.HEADER, required = false) String signature,
            @RequestHeader(value = CallbackSignature.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestHeader(value = "Content-Length", required = false) Long length, InputStream body,
            HttpServletRequest request) throws IOException {
        long limit = properties.callbackMaxBytes().toBytes();
        byte[] raw = length != null && length > limit ? null : body.readNBytes((int) limit + 1);
        if (raw == null || raw.length > limit) {
            return outcome(HttpStatus.PAYLOAD_TOO_LARGE, IssueType.TOOLONG,
                    "A callback is at most " + limit + " bytes");
        }
        Instant now = Instant.now();
        // an unknown vendor is answered as a wrong signature is: the endpoint does not tell who the vendors are
        CallbackSignature.Verdict verdict = vendors.find(vendor).map(known -> CallbackSignature.check(
                known.callbackSecret(), timestamp, raw, signature, now, properties.callbackMaxAge()))
                .orElse(CallbackSignature.Verdict.WRONG);
        if (verdict != CallbackSignature.Verdict.VALID) {
            // counted and throttled per address as every failed authentication; the name sent is not recorded
            failures.failed(request.getRemoteAddr(), "POST", "/api/vendor-callbacks/{vendor}",
                    "vendor callback: " + verdict.name().toLowerCase(Locale.ROOT) + " signature");
            return unsigned(vendor, verdict);
        }
        IBaseResource sent;
        Task task;
        try {
            sent = parser(contentType).parseResource(new String(raw, StandardCharsets.UTF_8));
            task = task(sent);
        } catch (DataFormatException | IllegalArgumentException e) {
            return outcome(HttpStatus.BAD_REQUEST, IssueType.STRUCTURE,
                    "Not a FHIR Task or message Bundle with a Task: " + e.getMessage());
        }
        Optional<Long> itemId = workItemId(task);
        if (itemId.isEmpty()) {
            return outcome(HttpStatus.UNPROCESSABLE_ENTITY, IssueType.REQUIRED,
                    "Task.identifier with system " + FhirCodes.WORK_ITEM_SYSTEM + " names the work item");
        }
        Optional<WorkItem> item = items.find(itemId.get()).filter(i -> vendor.equals(i.vendor()));
        if (item.isEmpty()) {
            return outcome(HttpStatus.NOT_FOUND, IssueType.NOTFOUND,
                    "Work item " + itemId.get() + " was not sent to " + vendor);
        }
        Map<String, Object> learned = VendorReport.of(sent, task);
        WorkItemStatus after = transaction.execute(tx -> {
            if (!replays.firstTime(signature, vendor, now)) {
                return null;
            }
            return workItems.vendorReported(itemId.get(), vendor, target(task.getStatus()),
                    task.hasIdElement() && task.getIdElement().hasIdPart() ? "Task/" + task.getIdElement().getIdPart()
                            : null, detail(task, learned), learned);
        });
        if (after == null) {
            log.warn("Vendor callback for {} refused: a signature already used (a replay)", vendor);
            return outcome(HttpStatus.UNAUTHORIZED, IssueType.SECURITY,
                    "This signature was used before: each callback is signed (and applied) once");
        }
        log.info("Vendor {} reported {} for work item {}: now {}", vendor, task.getStatus(), itemId.get(), after);
        return outcome(HttpStatus.OK, IssueType.INFORMATIONAL, "Work item " + itemId.get() + " is " + after);
    }

    private ResponseEntity<String> unsigned(String vendor, CallbackSignature.Verdict verdict) {
        log.warn("Vendor callback for {} refused: {} signature", vendors.find(vendor).isPresent() ? vendor
                : "a vendor not configured", verdict.name().toLowerCase(Locale.ROOT));
        return outcome(HttpStatus.UNAUTHORIZED, IssueType.SECURITY, verdict == CallbackSignature.Verdict.STALE
                ? "The callback's " + CallbackSignature.TIMESTAMP + " is more than "
                + properties.callbackMaxAge().toSeconds() + " s from the hub's clock; sign it when sending it"
                : "The callback must be signed: " + CallbackSignature.TIMESTAMP + ": <Unix seconds> and "
                + CallbackSignature.HEADER + ": sha256=<HMAC-SHA256 of \"<timestamp>.<body>\">");
    }

    /** The vendor's Task status as a work-item status; null for statuses that only inform. */
    static WorkItemStatus target(Task.TaskStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case ACCEPTED, INPROGRESS -> WorkItemStatus.ACCEPTED;
            case COMPLETED -> WorkItemStatus.COMPLETED;
            case REJECTED, FAILED -> WorkItemStatus.FAILED;
            case CANCELLED -> WorkItemStatus.CANCELLED;
            default -> null;
        };
    }

    private IParser parser(String contentType) {
        boolean xml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml");
        return xml ? fhir.newXmlParser() : fhir.newJsonParser();
    }

    private static Task task(IBaseResource resource) {
        if (resource instanceof Task task) {
            return task;
        }
        if (resource instanceof Bundle bundle) {
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Task.class::isInstance).map(Task.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the Bundle holds no Task"));
        }
        throw new IllegalArgumentException("a " + resource.fhirType() + " was sent");
    }

    private static Optional<Long> workItemId(Task task) {
        return task.getIdentifier().stream()
                .filter(i -> FhirCodes.WORK_ITEM_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue)
                .filter(v -> v != null && v.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .findFirst();
    }

    private static Map<String, Object> detail(Task task, Map<String, Object> learned) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskStatus", task.getStatus() == null ? null : task.getStatus().toCode());
        if (task.hasBusinessStatus()) {
            detail.put("businessStatus", VendorReport.fit(task.getBusinessStatus().getText()));
        }
        if (task.hasStatusReason()) {
            detail.put("statusReason", VendorReport.fit(task.getStatusReason().getText()));
        }
        if (task.hasNote()) {
            detail.put("note", VendorReport.fit(task.getNoteFirstRep().getText()));
        }
        if (!learned.isEmpty()) {
            detail.put("learned", learned);
        }
        detail.values().removeIf(Objects::isNull);
        return detail;
    }

    private ResponseEntity<String> outcome(HttpStatus status, IssueType type, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(status.is2xxSuccessful() ? IssueSeverity.INFORMATION : IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(text);
        return ResponseEntity.status(status).contentType(FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(outcome));
    }
}
