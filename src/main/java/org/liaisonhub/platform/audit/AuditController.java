package org.liaisonhub.platform.audit;

import java.time.Instant;
import org.liaisonhub.platform.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access audit trail, newest first, for auditors. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    public Page<AuditEvent> search(
            @RequestParam(required = false) String principal,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return trail.search(principal, action, resourceType, resourceId, from, to, page, size);
    }

    /** Whether the trail is as it was recorded: every chained row recomputed, up to the chain's head. */
    @GetMapping("/verify")
    public AuditVerdict verify() {
        return trail.verify();
    }
}
