package org.liaisonhub.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only the hub's own user may read: the data directory (messages, work items and the broker's
 * journal hold PHI) and the generated admin key. They are created with those permissions, never created and then
 * narrowed, so that there is no moment when another user could open them. Where the file system has no POSIX
 * permissions, the directory's own protection is what there is.
 */
public final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory and any missing parents of it, the ones it creates owner-only. */
    public static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, attributes(DIRECTORY));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another instance starting on the same directory made it first
        }
    }

    /**
     * Writes {@code content} to {@code file} unless it exists, atomically: the whole content under the final name
     * or nothing (a second instance starting at the same moment reads the first one's file, never a half-written
     * one). Returns the file's content either way.
     */
    public static String createOnce(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new",
                    attributes(FILE));
            Files.writeString(draft, content, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // the other instance's key stands
            } finally {
                Files.delete(draft);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Creates the file empty, owner-only, unless it exists (a log another program appends to). */
    public static Path createFile(Path file) throws IOException {
        try {
            return Files.createFile(file, attributes(FILE));
        } catch (FileAlreadyExistsException kept) {
            return file;
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
