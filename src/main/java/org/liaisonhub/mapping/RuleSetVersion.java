package org.liaisonhub.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.liaisonhub.platform.Sha256;

/**
 * The version of a mappings directory: the first 12 hex digits of a SHA-256 over every rule and table file's path
 * and content (its test cases left out: they decide nothing). Equal content, equal version, on every instance.
 */
public final class RuleSetVersion {

    private RuleSetVersion() {
    }

    public static String of(Path directory) {
        MessageDigest sha256 = Sha256.digest();
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !directory.relativize(f).startsWith("tests")).sorted().toList();
            for (Path file : files) {
                sha256.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(Files.readAllBytes(file));
                sha256.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mappings directory " + directory, e);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }
}
