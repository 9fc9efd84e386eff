package org.liaisonhub.platform.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/** Reaches the store behind an embedded H2 file database, for what the hub does about H2's writes. */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** The MVStore behind an embedded H2 file database; null for anything else (PostgreSQL, H2 in memory). */
    static MVStore fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        return store == null || store.getMvStore().getFileStore() == null ? null : store.getMvStore();
    }
}
