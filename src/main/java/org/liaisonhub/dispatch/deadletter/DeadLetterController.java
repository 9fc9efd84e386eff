package org.liaisonhub.dispatch.deadletter;

import java.security.Principal;
import org.liaisonhub.platform.NotFoundException;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditedIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requests that could not be delivered, for the integration engineer to inspect and replay. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    /** @param replayed false: only those still waiting; true: only those replayed; absent: all */
    @GetMapping
    public Page<DeadLetter> search(
            @RequestParam(required = false) String vendor,
            @RequestParam(required = false) Long workItemId,
            @RequestParam(required = false) Boolean replayed,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        Page<DeadLetter> found = deadLetters.search(vendor, workItemId, replayed, page, size);
        AuditedIds.add(found.items().stream().map(DeadLetter::id).toList());
        return found;
    }

    @GetMapping("/{id}")
    public DeadLetter get(@PathVariable long id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFoundException("No dead letter has id " + id));
    }

    @PostMapping("/{id}/replay")
    public DeadLetter replay(@PathVariable long id, Principal caller) {
        return replay.replay(id, caller.getName());
    }
}
