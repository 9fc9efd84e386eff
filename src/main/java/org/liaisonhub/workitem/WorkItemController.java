package org.liaisonhub.workitem;

import com.fasterxml.jackson.databind.JsonNode;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditedIds;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The liaisons' work list. */
@RestController
@RequestMapping("/api/work-items")
public class WorkItemController {

    private final WorkItemRepository items;
    private final WorkItemService service;

    public WorkItemController(WorkItemRepository items, WorkItemService service) {
        this.items = items;
        this.service = service;
    }

    @GetMapping
    public Page<WorkItem> search(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) WorkItemStatus status,
            @RequestParam(required = false) String mrn,
            @RequestParam(required = false) String visit,
            @RequestParam(required = false) String facility,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String vendor,
            @RequestParam(required = false) String priority,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "created") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size, Authentication caller) {
        Page<WorkItem> found = items.search(new WorkItemSearch(type, status, mrn, visit, facility, unit, vendor, null,
                priority == null || priority.isBlank() ? null : Priority.of(priority), false, false, overdue,
                WorkItemSearch.Order.of(sort)), FacilityScope.of(caller), page, size);
        AuditedIds.add(found.items().stream().map(WorkItem::id).toList());
        return found;
    }

    @GetMapping("/{id}")
    public WorkItemDetail get(@PathVariable long id, Authentication caller) {
        service.requireVisible(id, FacilityScope.of(caller));
        return service.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public WorkItemDetail change(@PathVariable long id, @RequestBody JsonNode body, Authentication caller) {
        service.requireVisible(id, FacilityScope.of(caller));
        return service.change(id, WorkItemPatch.from(body), caller.getName());
    }

    /** Sends the item to its vendor again (after a failure, or to repeat it), under a new idempotency key. */
    @PostMapping("/{id}/redispatch")
    public WorkItemDetail redispatch(@PathVariable long id, Authentication caller) {
        service.requireVisible(id, FacilityScope.of(caller));
        return service.redispatch(id, caller.getName());
    }
}
