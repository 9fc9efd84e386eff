package org.liaisonhub.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.ingest.TriedMessage;
import org.liaisonhub.ingest.TrialInput;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.workitem.RehearsedChange;

/**
 * The mapping test cases of a directory ({@code mappings/tests}), kept beside the rules they test: each case sends
 * its messages in order through a {@link MessageTrial} and compares, step by step, the answer and the work-item
 * changes with those it expects. A failure is reported as a diff: {@code -} what was expected and did not happen,
 * {@code +} what happened and was not expected.
 */
public final class MappingCases {

    /** What a run found: how many cases ran, each failure, and the rules the cases applied. */
    public record Run(int cases, List<String> failures, Set<String> appliedRules) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final List<MappingCase> cases;
    private final List<String> problems;

    private MappingCases(List<MappingCase> cases, List<String> problems) {
        this.cases = cases;
        this.problems = problems;
    }

    /** The cases of the directory; none when it does not exist. */
    public static MappingCases in(Path directory) {
        MappingCaseReader reader = new MappingCaseReader().read(directory);
        return new MappingCases(reader.cases(), reader.problems());
    }

    /** No cases at all. */
    public static MappingCases none() {
        return new MappingCases(List.of(), List.of());
    }

    /** The files that cannot be read as cases, each as {@code file:line:column: problem}. */
    public List<String> problems() {
        return problems;
    }

    public int size() {
        return cases.size();
    }

    /** Runs the cases against the rules the trial's hub runs now. */
    public Run run(MessageTrial trial) {
        return run(trial, null);
    }

    /** Runs the cases against these rules (null: those the hub runs now), e.g. a reload's before it uses them. */
    public Run run(MessageTrial trial, LoadedRules rules) {
        List<String> failures = new ArrayList<>();
        Set<String> applied = new TreeSet<>();
        for (MappingCase mappingCase : cases) {
            List<TrialInput> inputs = new ArrayList<>();
            for (int i = 0; i < mappingCase.steps().size(); i++) {
                TrialInput input = mappingCase.steps().get(i).input();
                inputs.add(new TrialInput(i + ":" + input.name(), input.content()));
            }
            List<TriedMessage> tried = rules == null ? trial.run(inputs, false) : trial.run(rules, inputs, false);
            tried.forEach(message -> applied.addAll(message.appliedRules()));
            for (int i = 0; i < mappingCase.steps().size(); i++) {
                String prefix = i + ":";
                List<TriedMessage> ofStep = tried.stream().filter(m -> m.source().startsWith(prefix)).toList();
                String diff = diff(mappingCase.steps().get(i), ofStep);
                if (!diff.isEmpty()) {
                    MappingCase.Step step = mappingCase.steps().get(i);
                    failures.add(mappingCase.file() + ":" + step.line() + ": case '" + mappingCase.name() + "', step "
                            + (i + 1) + " (" + step.input().name() + ")\n" + diff);
                }
            }
        }
        return new Run(cases.size(), failures, applied);
    }

    private static String diff(MappingCase.Step step, List<TriedMessage> tried) {
        StringBuilder diff = new StringBuilder();
        for (TriedMessage message : tried) {
            if (step.answer() != null && !step.answer().equals(message.answer())) {
                diff.append("  answer: expected ").append(step.answer()).append(", got ").append(message.answer())
                        .append(" (").append(message.status())
                        .append(message.problem() == null ? "" : ": " + message.problem()).append(")\n");
            }
        }
        List<RehearsedChange> unmatched = new ArrayList<>(tried.stream().flatMap(m -> m.changes().stream()).toList());
        List<ExpectedChange> missing = new ArrayList<>();
        for (ExpectedChange expected : step.changes()) {
            RehearsedChange match = unmatched.stream().filter(expected::matches).findFirst().orElse(null);
            if (match == null) {
                missing.add(expected);
            } else {
                unmatched.remove(match);
            }
        }
        missing.forEach(expected -> diff.append("  - ").append(expected.describe()).append('\n'));
        for (RehearsedChange actual : unmatched) {
            ExpectedChange like = missing.stream().filter(e -> e.action() == actual.action()
                    && e.type().equals(actual.type())).findFirst().orElse(null);
            diff.append("  + ").append(ExpectedChange.describe(actual, like)).append('\n');
        }
        return diff.toString();
    }
}
