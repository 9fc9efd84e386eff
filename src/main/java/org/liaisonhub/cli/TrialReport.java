package org.liaisonhub.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liaisonhub.ingest.TriedMessage;
import org.liaisonhub.mapping.RuleVerdict;
import org.liaisonhub.workitem.RehearsedChange;

/** A trial as the {@code try} command prints it: lines for a person, or JSON for a script. */
final class TrialReport {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private TrialReport() {
    }

    static String json(List<TriedMessage> tried) {
        try {
            return JSON.writeValueAsString(Map.of("messages", tried)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A trial's result is plain data", e);
        }
    }

    static String text(List<TriedMessage> tried) {
        StringBuilder text = new StringBuilder();
        for (TriedMessage message : tried) {
            text.append(message.source()).append("  ").append(message.event() == null ? "?" : message.event())
                    .append("  ").append(message.answer() == null ? "no answer asked for" : message.answer())
                    .append("  ").append(message.status()).append('\n');
            if (message.problem() != null) {
                text.append("  problem: ").append(message.problem()).append('\n');
            }
            for (RehearsedChange change : message.changes()) {
                text.append("  ").append(change(change)).append('\n');
            }
            if (message.status().equals("DUPLICATE")) {
                text.append("  a duplicate of an earlier message (same MSH-3, MSH-4 and MSH-10): nothing is done\n");
            } else if (message.changes().isEmpty() && message.problem() == null) {
                text.append("  no work item changes\n");
            }
            for (RuleVerdict verdict : message.verdicts()) {
                text.append("  rule ").append(verdict.rule()).append(": ")
                        .append(verdict.applied() ? "applied" : verdict.why()).append('\n');
            }
            if (message.acknowledgement() != null) {
                text.append("  acknowledgement:\n");
                message.acknowledgement().lines().forEach(segment -> text.append("    ").append(segment).append('\n'));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String change(RehearsedChange change) {
        StringBuilder line = new StringBuilder(change.action().name().toLowerCase(Locale.ROOT)).append(" #")
                .append(change.item()).append(' ').append(change.type()).append(" MRN ").append(change.mrn());
        if (change.visitNumber() != null) {
            line.append(" visit ").append(change.visitNumber());
        }
        if (!change.key().isEmpty()) {
            line.append(" key ").append(change.key());
        }
        if (change.due() != null) {
            line.append(" due ").append(change.due());
        }
        line.append(' ').append(change.priority().code());
        if (change.reason() != null) {
            line.append(" (").append(change.reason()).append(')');
        }
        line.append(" by ").append(change.rule());
        if (change.action() == RehearsedChange.Action.OPENED) {
            line.append("\n      details ").append(change.details());
        } else if (!change.changed().isEmpty()) {
            line.append("\n      changed ").append(change.changed());
        }
        return line.toString();
    }
}
