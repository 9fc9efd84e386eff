package org.liaisonhub.mapping;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.liaisonhub.mapping.hl7.Hl7MessageView;
import org.liaisonhub.mapping.hl7.Hl7RuleContext;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.Rule;
import org.liaisonhub.mapping.model.RuleAction;
import org.liaisonhub.mapping.model.RuleSet;
import org.liaisonhub.mapping.model.TerserPath;
import org.liaisonhub.workitem.PatientChanged;
import org.liaisonhub.workitem.PatientLocation;
import org.liaisonhub.workitem.PatientMerged;
import org.liaisonhub.workitem.WorkChange;
import org.liaisonhub.workitem.WorkNeeded;
import org.liaisonhub.workitem.WorkNoLongerNeeded;

/** Evaluates the HL7 v2 rule sets against a parsed message. Pure: reads the message, writes nothing. */
public class Hl7RuleEngine {

    private final List<RuleSet> ruleSets;
    private final Clock clock;
    private final Map<String, SegmentsRead> segmentsRead = new HashMap<>();

    Hl7RuleEngine(List<RuleSet> ruleSets, Clock clock) {
        this.ruleSets = List.copyOf(ruleSets);
        this.clock = clock;
        for (RuleSet set : ruleSets) {
            segmentsRead.merge(set.messageType(), set.segmentsRead(), SegmentsRead::and);
        }
    }

    /** The names of the loaded rule sets with their number of rules, for the start-up log. */
    public String describe() {
        return ruleSets.stream().map(s -> s.name() + " (" + s.rules().size() + " rules, " + s.file() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The HL7 message types (MSH-9.1) some rule set maps; the listener rejects all others. */
    public Set<String> messageTypes() {
        return new TreeSet<>(segmentsRead.keySet());
    }

    /** Whether some rule set maps this message type (MSH-9.1). */
    public boolean maps(String messageType) {
        return segmentsRead.containsKey(messageType);
    }

    /**
     * The segments the rule sets of a message type read: all a message of that type needs parsed for
     * {@link #evaluate} (an ADT message's DG1 segments stay unparsed although the referral rules read DG1).
     */
    public SegmentsRead segmentsRead(String messageType) {
        return segmentsRead.getOrDefault(messageType, new SegmentsRead(Set.of(), false));
    }

    /**
     * @throws MappingDataException when a rule applies but the message lacks the MRN or has an unusable value
     */
    public MappingResult evaluate(Message parsed) {
        return evaluate(parsed, RuleTrace.NONE);
    }

    /** As {@link #evaluate}, with a verdict for every rule of the message's type: why each applied or did not. */
    public MappingResult explain(Message parsed) {
        return evaluate(parsed, RuleTrace.explaining());
    }

    private MappingResult evaluate(Message parsed, RuleTrace trace) {
        Hl7MessageView message = new Hl7MessageView(parsed);
        Clock now = Clock.fixed(clock.instant(), clock.getZone());
        List<String> applied = new ArrayList<>();
        List<WorkChange> changes = new ArrayList<>();
        for (RuleSet ruleSet : ruleSets) {
            if (!ruleSet.messageType().equals(message.messageType())) {
                continue;
            }
            for (Rule rule : ruleSet.rules()) {
                if (!rule.triggers().contains(message.triggerEvent())) {
                    trace.notForThisEvent(ruleSet, rule, message.triggerEvent());
                    continue;
                }
                List<Segment> scopes = rule.forEach() == null
                        ? Collections.singletonList(null) : message.all(rule.forEach());
                if (scopes.isEmpty()) {
                    trace.nothingToEach(ruleSet, rule);
                }
                for (Segment scope : scopes) {
                    Hl7RuleContext context = new Hl7RuleContext(message, scope, now);
                    if (rule.when().test(context)) {
                        String ruleName = ruleSet.name() + "/" + rule.id();
                        applied.add(ruleName);
                        changes.add(conclude(ruleSet, rule, ruleName, context));
                        trace.applied(ruleSet, rule);
                    } else {
                        trace.conditionFailed(ruleSet, rule, context);
                    }
                }
            }
        }
        return new MappingResult(applied, changes, trace.verdicts());
    }

    private static WorkChange conclude(RuleSet ruleSet, Rule rule, String ruleName, Hl7RuleContext context) {
        String mrn = required(ruleSet.mrn(), context, "Rule " + ruleName + " applies but the patient has no MRN");
        String visit = ruleSet.visitNumber() == null ? null : ruleSet.visitNumber().evaluate(context);
        if (rule.action() instanceof RuleAction.OpenWorkItem open) {
            return new WorkNeeded(open.type(), mrn, visit, WorkItemTerms.key(open.key(), context),
                    open.details().evaluate(context), ruleSet.demographics().evaluate(context),
                    PatientLocation.of(ruleSet.location().evaluate(context)), WorkItemTerms.due(open, context),
                    WorkItemTerms.priority(open, context), ruleName);
        }
        if (rule.action() instanceof RuleAction.MergePatient merge) {
            return new PatientMerged(required(merge.from(), context, "Rule " + ruleName
                    + " applies but names no merged-away MRN"), mrn, ruleName);
        }
        if (rule.action() instanceof RuleAction.UpdateWorkItems update) {
            return new PatientChanged(update.types(), mrn, visit, ruleSet.demographics().evaluate(context),
                    PatientLocation.of(ruleSet.location().evaluate(context)), ruleName);
        }
        RuleAction.CancelWorkItems cancel = (RuleAction.CancelWorkItems) rule.action();
        return new WorkNoLongerNeeded(cancel.types(), mrn, visit,
                cancel.key().isEmpty() ? null : WorkItemTerms.key(cancel.key(), context), cancel.reason(), ruleName);
    }

    /** The value, or an AE with error 101 (required field missing) at the field it is read from. */
    private static String required(Expr value, Hl7RuleContext context, String problem) {
        String text = value.evaluate(context);
        if (text == null) {
            TerserPath at = value.anchor();
            throw new MappingDataException(ErrorCode.REQUIRED_FIELD_MISSING, at == null ? null : context.location(at),
                    problem + (at == null ? "" : " in " + at));
        }
        return text;
    }
}
