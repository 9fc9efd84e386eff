package org.liaisonhub.console.messages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.liaisonhub.store.MessageSearch;
import org.liaisonhub.store.MessageStatus;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The message browser's filters, sent in the body of a POST (an MRN is patient data: it never goes in a URL).
 *
 * @param from first UTC day received
 * @param to   last UTC day received
 * @param sort {@code newest} (the default) or {@code oldest}
 */
record MessageFilter(String status, String channel, String type, String controlId, String sender, String facility,
        String errorCode, String mrn, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String sort, Integer page) {

    MessageFilter {
        page = page == null || page < 0 ? 0 : page;
        sort = "oldest".equals(sort) ? sort : "newest";
    }

    MessageSearch search() {
        return new MessageSearch(blank(status) ? null : MessageStatus.valueOf(status), text(type), text(controlId),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), text(channel),
                text(sender), text(facility), text(errorCode), text(mrn), "oldest".equals(sort));
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
