package org.liaisonhub.platform.postgres;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no database is configured ({@code spring.datasource.url} empty): the hub then runs its own. */
class NoDatabaseUrl extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        return url.isBlank() ? ConditionOutcome.match("no spring.datasource.url: the embedded PostgreSQL")
                : ConditionOutcome.noMatch("spring.datasource.url is set");
    }
}
