package org.liaisonhub.mapping;

/** A mapping file that cannot be used; the message names the file, the line and column, and the problem. */
public class MappingFileException extends RuntimeException {

    public MappingFileException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
    }

    public MappingFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
