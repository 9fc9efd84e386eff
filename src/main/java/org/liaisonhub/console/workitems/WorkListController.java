package org.liaisonhub.console.workitems;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.liaisonhub.dispatch.Vendors;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.RecentValue;
import org.liaisonhub.platform.audit.AuditedIds;
import org.liaisonhub.workitem.PatientLocation;
import org.liaisonhub.workitem.Priority;
import org.liaisonhub.workitem.WorkItem;
import org.liaisonhub.workitem.WorkItemRepository;
import org.liaisonhub.workitem.WorkItemStatus;
import org.liaisonhub.workitem.WorkListChanges;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The liaison's work list: filtered by type, status, place, vendor, priority, whose items and what is overdue, sorted
 * by creation, last change, due time or urgency, and kept current without a reload. The open page asks every few
 * seconds whether anything changed (a stamp, no patient data) and fetches its rows, which are audited as every read
 * of patient data is, only when something did.
 */
@Controller
@RequestMapping("/console/work-items")
class WorkListController {

    private static final int PAGE_SIZE = 50;

    private final WorkItemRepository items;
    private final WorkListChanges changes;
    private final RuleBook rules;
    private final Vendors vendors;
    /** The places the filters offer: a read of every open item's location, so once a minute whoever asks. */
    private final RecentValue<List<PatientLocation>> locations;

    WorkListController(WorkItemRepository items, WorkListChanges changes, RuleBook rules, Vendors vendors) {
        this.items = items;
        this.changes = changes;
        this.rules = rules;
        this.vendors = vendors;
        this.locations = new RecentValue<>(Duration.ofMinutes(1), now -> items.openLocations());
    }

    @GetMapping
    String list(WorkListFilter filter, @RequestParam(defaultValue = "0") int page, Authentication me, Model model) {
        rows(filter, page, me, model);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", Arrays.asList(WorkItemStatus.values()));
        model.addAttribute("priorities", Arrays.asList(Priority.values()));
        model.addAttribute("types", rules.current().mappings().workItemTypes());
        model.addAttribute("vendors", vendors.names());
        FacilityScope scope = FacilityScope.of(me);
        model.addAttribute("locations", locations.get().stream().filter(l -> scope.allows(l.facility())).toList());
        model.addAttribute("stamp", changes.stamp());
        return "console/work-items";
    }

    @GetMapping("/rows")
    String rows(WorkListFilter filter, @RequestParam(defaultValue = "0") int page, Authentication me, Model model) {
        Page<WorkItem> found = items.search(filter.search(me.getName()), FacilityScope.of(me), page, PAGE_SIZE);
        AuditedIds.add(found.items().stream().map(WorkItem::id).toList());
        model.addAttribute("rows", found.items().stream().map(WorkListRow::of).toList());
        model.addAttribute("total", found.total());
        return "console/work-item-rows :: rows";
    }

    /**
     * 204 while nothing changed since {@code seen}; else the field holding the new stamp, and an event that makes the
     * rows reload.
     */
    @GetMapping("/changes")
    ResponseEntity<String> changes(@RequestParam(defaultValue = "") String seen) {
        String now = changes.stamp();
        if (now.equals(seen)) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().header("HX-Trigger", "work-list-changed").contentType(MediaType.TEXT_HTML)
                .body("<input type=\"hidden\" id=\"seen\" name=\"seen\" value=\"" + HtmlUtils.htmlEscape(now) + "\">");
    }
}
