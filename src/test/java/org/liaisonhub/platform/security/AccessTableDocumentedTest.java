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
        assertThat(documented("access-table")).containsExactlyElementsOf(
                AccessRules.RULES.stream().map(AccessTableDocumentedTest::row).toList());
    }

    @Test
    void theDocumentedConsoleTableIsTheEnforcedOne() throws IOException {
        assertThat(documented("console-access-table")).containsExactlyElementsOf(
                AccessRules.CONSOLE.stream().map(AccessTableDocumentedTest::row).toList());
    }

    private static List<String> documented(String marker) throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- " + marker + " -->"), doc.indexOf("<!-- /" + marker + " -->"));
        return table.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Method") && !l.startsWith("| ---"))
                .map(l -> l.replaceAll("\\s*\\|\\s*", "|").replaceAll("\\|+$", "").replaceAll("^\\|", ""))
                .toList();
    }

    private static String row(AccessRule rule) {
        String roles = rule.isPublic()
                ? (rule.audit() != null ? "public (HMAC signature)" : "public")
                : rule.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", "));
        return String.join("|", rule.method() == null ? "any" : rule.method().name(), rule.pattern(), roles,
                rule.audit() == null ? "" : rule.audit()).replaceAll("\\|+$", "");
    }
}
