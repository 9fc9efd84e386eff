package org.liaisonhub.console.workitems;

import org.liaisonhub.platform.ConflictException;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.workitem.WorkItemDetail;
import org.liaisonhub.workitem.WorkItemPatch;
import org.liaisonhub.workitem.WorkItemService;
import org.liaisonhub.workitem.WorkItemStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One work item as a liaison works it: who and where, what is needed, the vendor's status, the whole history; and
 * what may be done to it now (claim, note, the status changes the lifecycle allows a person, send again). Each
 * action goes through {@link WorkItemService} under the signed-in person's name, as the API's do; a refusal (a change
 * the lifecycle no longer allows) comes back as a message on the page.
 */
@Controller
@RequestMapping("/console/work-items/{id}")
class WorkItemPage {

    private final WorkItemService service;

    WorkItemPage(WorkItemService service) {
        this.service = service;
    }

    @GetMapping
    String show(@PathVariable long id, Authentication me, Model model) {
        service.requireVisible(id, FacilityScope.of(me));
        WorkItemDetail detail = service.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("item", detail.item());
        model.addAttribute("person", new PatientView(detail.item().patient()));
        model.addAttribute("facts", detail.item().flatDetails());
        model.addAttribute("allowedStatuses", detail.item().status().nextByPerson());
        model.addAttribute("mine", me.getName().equals(detail.item().assignee()));
        return "console/work-item";
    }

    @PostMapping("/claim")
    String claim(@PathVariable long id, @RequestParam(required = false) String assignee, Authentication me,
            RedirectAttributes flash) {
        service.requireVisible(id, FacilityScope.of(me));
        String to = assignee == null ? me.getName() : assignee.isBlank() ? null : assignee.strip();
        return act(id, flash, () -> service.change(id, new WorkItemPatch(null, true, to, null), me.getName()));
    }

    @PostMapping("/note")
    String note(@PathVariable long id, @RequestParam String note, Authentication me, RedirectAttributes flash) {
        service.requireVisible(id, FacilityScope.of(me));
        if (note.isBlank()) {
            flash.addFlashAttribute("problem", "A note needs some text.");
            return "redirect:/console/work-items/" + id;
        }
        return act(id, flash, () -> service.change(id, new WorkItemPatch(null, false, null, note.strip()),
                me.getName()));
    }

    @PostMapping("/status")
    String status(@PathVariable long id, @RequestParam WorkItemStatus status,
            @RequestParam(required = false) String reason, Authentication me, RedirectAttributes flash) {
        service.requireVisible(id, FacilityScope.of(me));
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        return act(id, flash, () -> service.change(id, new WorkItemPatch(status, false, null, note), me.getName()));
    }

    @PostMapping("/redispatch")
    String redispatch(@PathVariable long id, Authentication me, RedirectAttributes flash) {
        service.requireVisible(id, FacilityScope.of(me));
        return act(id, flash, () -> service.redispatch(id, me.getName()));
    }

    /**
     * Runs an action and comes back to the item, with the refusal's reason when the item's state (or a note too long
     * to keep) refused it.
     */
    private static String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (ConflictException refused) {
            flash.addFlashAttribute("problem", refused.title() + ": " + refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            flash.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/console/work-items/" + id;
    }
}
