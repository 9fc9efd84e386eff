package org.liaisonhub.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access audit for the auditor: who read or changed what, when, from where and with what outcome, newest first,
 * filtered by principal, action and days (UTC). Read-only, like the trail itself.
 */
@Controller
class AuditPage {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditPage(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/console/audit")
    String search(@RequestParam(required = false) String principal, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Instant since = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Page<AuditEvent> events = trail.search(blank(principal), blank(action), null, null, since, until,
                Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("events", events);
        model.addAttribute("principal", principal);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("hasNext", (long) (events.page() + 1) * PAGE_SIZE < events.total());
        return "console/audit";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
