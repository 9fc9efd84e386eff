package org.liaisonhub.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.OwnerOnlyFiles;
import org.liaisonhub.platform.Sha256;

/**
 * The API keys the hub accepts, kept only as SHA-256 digests and compared in constant time. When no key is
 * configured and no JWT issuer either, the hub makes one ADMIN key at first start, stores it in
 * {@code <data dir>/admin-api-key} (readable by its owner only) and says where it is, never what it is.
 */
public class ApiKeys {

    public static final String GENERATED_NAME = "generated-admin";
    static final String GENERATED_FILE = "admin-api-key";

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    private record Entry(byte[] digest, List<Role> roles, FacilityScope scope) {
    }

    /** The caller whose key this is, if it is one of ours. */
    public record Caller(String name, List<Role> roles, FacilityScope scope) {
    }

    ApiKeys(Map<String, HubSecurityProperties.ApiKey> configured) {
        configured.forEach((name, key) -> {
            if (key.key() == null || key.key().length() < 16) {
                throw new IllegalStateException("hub.security.api-keys." + name + ".key must have 16 characters or more");
            }
            if (key.roles().isEmpty()) {
                throw new IllegalStateException("hub.security.api-keys." + name + ".roles must name at least one role");
            }
            byName.put(name, new Entry(digest(key.key()), key.roles(), FacilityScope.of(key.facilities())));
        });
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public Optional<Caller> find(String presented) {
        byte[] digest = digest(presented);
        return byName.entrySet().stream()
                .filter(e -> MessageDigest.isEqual(e.getValue().digest(), digest))
                .map(e -> new Caller(e.getKey(), e.getValue().roles(), e.getValue().scope()))
                .findFirst();
    }

    /** Reads the generated ADMIN key from the data directory, making it first if there is none yet. */
    Path addGeneratedAdminKey(Path dataDir) {
        Path file = dataDir.resolve(GENERATED_FILE);
        try {
            OwnerOnlyFiles.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = OwnerOnlyFiles.createOnce(file,
                    "lh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            byName.put(GENERATED_NAME, new Entry(digest(key.trim()), List.of(Role.ADMIN), FacilityScope.ALL));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated admin key in " + file, e);
        }
    }

    private static byte[] digest(String key) {
        return Sha256.digest().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
