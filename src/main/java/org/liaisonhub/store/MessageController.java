package org.liaisonhub.store;

import java.time.Instant;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.audit.AuditedIds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message store API: search, inspect (raw text included) and reprocess inbound messages. */
@RestController
@RequestMapping("/api/messages")
public class MessageController {

    private final MessageStore store;
    private final MessageReprocessing messages;

    public MessageController(MessageStore store, MessageReprocessing messages) {
        this.store = store;
        this.messages = messages;
    }

    @GetMapping
    public Page<StoredMessage> search(
            @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String controlId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String sender,
            @RequestParam(required = false) String facility,
            @RequestParam(required = false) String errorCode,
            @RequestParam(required = false) String mrn,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size, Authentication caller) {
        Page<StoredMessage> found = store.search(new MessageSearch(status, type, controlId, from, to, channel, sender,
                facility, errorCode, mrn, "oldest".equals(sort)), FacilityScope.of(caller), page, size);
        AuditedIds.add(found.items().stream().map(StoredMessage::id).toList());
        return found;
    }

    @GetMapping("/{id}")
    public StoredMessageDetail get(@PathVariable long id, Authentication caller) {
        messages.requireVisible(id, FacilityScope.of(caller));
        return messages.detail(id);
    }

    /** Processes the message again; work items are matched, never doubled. Answers the message as it now stands. */
    @PostMapping("/{id}/reprocess")
    public StoredMessageDetail reprocess(@PathVariable long id, Authentication caller) {
        messages.requireVisible(id, FacilityScope.of(caller));
        return messages.reprocess(id);
    }
}
