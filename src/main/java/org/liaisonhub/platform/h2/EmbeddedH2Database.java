package org.liaisonhub.platform.h2;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code spring.datasource.url} is an H2 database that the hub opens itself ({@code jdbc:h2:file:} or
 * a bare path), not one in memory or behind an H2 server: only then does the hub see, and look after, H2's file.
 */
class EmbeddedH2Database extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "").trim()
                .toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:")) {
            return ConditionOutcome.noMatch("the database is not H2");
        }
        String location = url.substring("jdbc:h2:".length());
        for (String remote : new String[] {"mem:", "tcp:", "ssl:"}) {
            if (location.startsWith(remote)) {
                return ConditionOutcome.noMatch("H2 " + remote + " is not a file the hub opens");
            }
        }
        return ConditionOutcome.match("an embedded H2 file database");
    }
}
