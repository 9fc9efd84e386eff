package org.liaisonhub.console.messages;

import java.util.Arrays;
import org.liaisonhub.console.Json;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditedIds;
import org.liaisonhub.store.MessageReprocessing;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.StoredMessage;
import org.liaisonhub.store.StoredMessageDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message browser for the integration engineer: every message the hub received, searched by what the API
 * offers plus MRN, sender, error code and control id, newest or oldest first; one message laid out segment by
 * segment with its outcome, its acknowledgement and the work it did, and processed again on request (work items are
 * matched, never doubled). Filters travel in POST bodies, so that no MRN lands in a URL or a proxy's log.
 */
@Controller
@RequestMapping("/console/messages")
class MessagePages {

    private static final int PAGE_SIZE = 50;

    private final MessageStore store;
    private final MessageReprocessing messages;

    MessagePages(MessageStore store, MessageReprocessing messages) {
        this.store = store;
        this.messages = messages;
    }

    @RequestMapping(method = {RequestMethod.GET, RequestMethod.POST})
    String search(MessageFilter filter, Authentication me, Model model) {
        Page<StoredMessage> found = store.search(filter.search(), FacilityScope.of(me), filter.page(), PAGE_SIZE);
        AuditedIds.add(found.items().stream().map(StoredMessage::id).toList());
        model.addAttribute("found", found);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", Arrays.asList(MessageStatus.values()));
        model.addAttribute("hasNext", (long) (found.page() + 1) * PAGE_SIZE < found.total());
        return "console/messages";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Authentication me, Model model) {
        messages.requireVisible(id, FacilityScope.of(me));
        StoredMessageDetail detail = messages.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("message", detail.message());
        boolean hl7 = "HL7V2".equals(detail.message().envelope().channel());
        model.addAttribute("segments", hl7 ? Hl7Layout.of(detail.raw()) : null);
        model.addAttribute("ackSegments", detail.acknowledgement() == null ? null
                : Hl7Layout.of(detail.acknowledgement()));
        model.addAttribute("json", hl7 ? null : Json.pretty(detail.raw()));
        return "console/message";
    }

    @PostMapping("/{id}/reprocess")
    String reprocess(@PathVariable long id, Authentication me, RedirectAttributes flash) {
        messages.requireVisible(id, FacilityScope.of(me));
        StoredMessageDetail now = messages.reprocess(id);
        flash.addFlashAttribute("notice", "Processed again: " + now.message().status() + ".");
        return "redirect:/console/messages/" + id;
    }
}
