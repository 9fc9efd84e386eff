package org.liaisonhub.platform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's side of the append-only rule of the audit table (PostgreSQL has a PL/pgSQL trigger for it). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("access_audit is append-only");
    }
}
