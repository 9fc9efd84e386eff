package org.liaisonhub.platform.postgres;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.liaisonhub.platform.OwnerOnlyFiles;

/**
 * The passwords of the embedded cluster's two roles: its superuser, which owns the schema and runs the migrations,
 * and the hub's login role, which may only do what the application role grants (the audit trail only appended to).
 * Generated at the first start into a file only the hub's user can read, so that no other user of the machine can
 * connect to the cluster (it holds PHI), and read from it at every start after. Never printed.
 */
record EmbeddedPostgresCredentials(String ownerPassword, String hubPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedPostgresCredentials of(Path file) throws IOException {
        Properties read = new Properties();
        read.load(new StringReader(OwnerOnlyFiles.createOnce(file, "owner=" + secret() + "\nhub=" + secret() + "\n")));
        String owner = read.getProperty("owner");
        String hub = read.getProperty("hub");
        if (owner == null || hub == null) {
            throw new IllegalStateException(file + " lacks the owner= or hub= password of the embedded database");
        }
        return new EmbeddedPostgresCredentials(owner, hub);
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresCredentials[passwords redacted]";
    }
}
