package org.liaisonhub.workitem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often open items are checked for having passed their due time ({@code hub.work-items.overdue-check}, env
 * {@code HUB_WORK_ITEMS_OVERDUE_CHECK}): an item is marked overdue at most this long after its due time.
 */
@ConfigurationProperties("hub.work-items")
public record WorkItemProperties(Duration overdueCheck) {

    public WorkItemProperties {
        if (overdueCheck == null) {
            overdueCheck = Duration.ofSeconds(30);
        }
    }
}
