package org.liaisonhub.platform;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a statement that may violate a unique constraint inside a savepoint of the caller's transaction. On
 * PostgreSQL a failed statement aborts the whole transaction; rolled back to the savepoint, the transaction goes
 * on and the caller can react to the violation (claim lost, item created concurrently). With no transaction
 * to join, the statement runs in one of its own, committed (durably) before {@link #attempt} returns.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    public Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public <T> T attempt(Supplier<T> statement) {
        return nested.execute(status -> statement.get());
    }
}
