package org.liaisonhub.routing;

import java.nio.file.Path;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** A route file Camel could not read, as {@code file:line:column: problem}. */
final class CamelProblem {

    private CamelProblem() {
    }

    static String of(Path file, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                Mark mark = marked.getProblemMark().get();
                String problem = marked.getProblem() != null ? marked.getProblem() : firstLine(marked.getMessage());
                return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + problem;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return file + ":1:1: " + firstLine(root.getMessage() != null ? root.getMessage() : root.toString());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
