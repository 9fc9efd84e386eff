package org.liaisonhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of a shipped directory (mappings/ with its tables and test cases, routes/) for a test to change. */
public final class DirectoryCopy {

    private DirectoryCopy() {
    }

    /** Copies {@code from} with its subdirectories to {@code to}, which it returns. */
    public static Path of(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from, e);
        }
    }
}
