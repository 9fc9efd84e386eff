package org.liaisonhub.console.deadletters;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.console.Json;
import org.liaisonhub.dispatch.DeliveryAttempts;
import org.liaisonhub.dispatch.VendorRequestBodies;
import org.liaisonhub.dispatch.Vendors;
import org.liaisonhub.dispatch.deadletter.DeadLetter;
import org.liaisonhub.dispatch.deadletter.DeadLetterReplay;
import org.liaisonhub.dispatch.deadletter.DeadLetters;
import org.liaisonhub.platform.ConflictException;
import org.liaisonhub.platform.NotFoundException;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditedIds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dead letters for the integration engineer: the requests no vendor took, by vendor and age, each with the request
 * as it was sent and every attempt's answer; replayed one by one or a selection at once, through the same replay as the
 * API (same request, same idempotency key), under the signed-in person's name.
 */
@Controller
@RequestMapping("/console/dead-letters")
class DeadLetterPages {

    private static final int PAGE_SIZE = 50;

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final VendorRequestBodies bodies;
    private final DeliveryAttempts attempts;
    private final Vendors vendors;
    private final Clock clock = Clock.systemUTC();

    DeadLetterPages(DeadLetters deadLetters, DeadLetterReplay replay, VendorRequestBodies bodies,
            DeliveryAttempts attempts, Vendors vendors) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.bodies = bodies;
        this.attempts = attempts;
        this.vendors = vendors;
    }

    /** @param state {@code waiting} (not replayed, the default), {@code replayed} or {@code all} */
    @GetMapping
    String list(@RequestParam(required = false) String vendor, @RequestParam(defaultValue = "waiting") String state,
            Model model) {
        Boolean replayed = switch (state) {
            case "replayed" -> true;
            case "all" -> null;
            default -> false;
        };
        Page<DeadLetter> found = deadLetters.search(vendor == null || vendor.isBlank() ? null : vendor, null,
                replayed, 0, PAGE_SIZE);
        AuditedIds.add(found.items().stream().map(DeadLetter::id).toList());
        model.addAttribute("letters", found.items().stream().map(letter -> DeadLetterRow.of(letter, clock)).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("vendors", vendors.names());
        model.addAttribute("vendor", vendor);
        model.addAttribute("state", state);
        return "console/dead-letters";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new NotFoundException("No dead letter has id " + id));
        model.addAttribute("letter", DeadLetterRow.of(letter, clock));
        model.addAttribute("request", bodies.of(letter.outboxId()).map(Json::pretty).orElse(null));
        model.addAttribute("attempts", attempts.of(letter.outboxId()));
        return "console/dead-letter";
    }

    @PostMapping("/{id}/replay")
    String replayOne(@PathVariable long id, Principal me, RedirectAttributes flash) {
        try {
            replay.replay(id, me.getName());
            flash.addFlashAttribute("notice", "Dead letter " + id + " replayed: the request is on its way again.");
        } catch (ConflictException refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/console/dead-letters/" + id;
    }

    /** Replays every selected dead letter; those replayed meanwhile (by someone else) are named, not replayed twice. */
    @PostMapping("/replay")
    String replaySelected(@RequestParam(name = "id", required = false) List<Long> ids, Principal me,
            RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problem", "Select the dead letters to replay first.");
            return "redirect:/console/dead-letters";
        }
        List<Long> replayed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (long id : ids) {
            try {
                replay.replay(id, me.getName());
                replayed.add(id);
            } catch (ConflictException | NotFoundException e) {
                refused.add(e.getMessage());
            }
        }
        AuditedIds.add(replayed);
        flash.addFlashAttribute("notice", replayed.size() + " dead letter(s) replayed: " + replayed + ".");
        if (!refused.isEmpty()) {
            flash.addFlashAttribute("problem", String.join("; ", refused));
        }
        return "redirect:/console/dead-letters";
    }
}
