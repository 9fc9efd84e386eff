package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/security.md shows the very table the hub enforces. */
class AccessTableDocumentedTest {

    @Test
    void theDocumentedTableIsTheEnforcedOne() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- access-table -->"), doc.indexOf("<!-- /access-table -->"));
        List<String> documented = table.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Method") && !l.startsWith("| ---"))
                .map(l -> l.replaceAll("\\s*\\|\\s*", "|").replaceAll("\\|+$", "").replaceAll("^\\|", ""))
                .toList();
        List<String> enforced = AccessRules.RULES.stream().map(AccessTableDocumentedTest::row).toList();
        assertThat(documented).containsExactlyElementsOf(enforced);
    }

    private static String row(AccessRule rule) {
        String roles = rule.isPublic()
                ? (rule.audit() != null ? "public (HMAC signature)" : "public")
                : rule.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", "));
        return String.join("|", rule.method() == null ? "any" : rule.method().name(), rule.pattern(), roles,
                rule.audit() == null ? "" : rule.audit()).replaceAll("\\|+$", "");
    }
}
