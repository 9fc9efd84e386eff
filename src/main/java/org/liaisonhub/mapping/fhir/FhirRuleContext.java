package org.liaisonhub.mapping.fhir;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.liaisonhub.mapping.FhirSubject;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleContext;

/** What a FHIR rule reads while it is evaluated: its resource (the focus), the patient, the visit, constants. */
public final class FhirRuleContext implements RuleContext {

    private final FhirPaths paths;
    private final FhirSubject subject;
    private final Resource focus;
    private final Map<String, String> constants;
    private final Clock clock;

    public FhirRuleContext(FhirPaths paths, FhirSubject subject, Resource focus, Map<String, String> constants,
            Clock clock) {
        this.paths = paths;
        this.subject = subject;
        this.focus = focus;
        this.constants = constants;
        this.clock = clock;
    }

    /** The same context with another resource in focus (the Patient for the MRN, the Encounter for the visit). */
    public FhirRuleContext on(Resource resource) {
        return new FhirRuleContext(paths, subject, resource, constants, clock);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Located at the expression (or, for a value that is not one, at the resource). */
    @Override
    public MappingDataException unusable(Expr value, String problem) {
        String where = value instanceof FhirPathValue path ? focus.fhirType() + "." + path.text() : focus.fhirType();
        return new MappingDataException(where, "The value of " + where + " " + problem);
    }

    /** The primitive values the expression yields, as text; blanks are left out. */
    List<String> texts(ExpressionNode expression) {
        List<String> texts = new ArrayList<>();
        if (focus == null) {
            return texts;
        }
        for (Base value : paths.evaluate(this, focus, expression)) {
            String text = value.isPrimitive() ? value.primitiveValue() : null;
            if (text != null && !text.isBlank()) {
                texts.add(text.trim());
            }
        }
        return texts;
    }

    boolean isTrue(ExpressionNode expression) {
        if (focus == null) {
            return false;
        }
        List<Base> result = paths.evaluate(this, focus, expression);
        return result.size() == 1 && result.get(0) instanceof BooleanType bool && bool.booleanValue();
    }

    List<Base> constant(String name) {
        return switch (name) {
            case "patient" -> subject.patient() == null ? List.of() : List.of(subject.patient());
            case "encounter" -> subject.encounter() == null ? List.of() : List.of(subject.encounter());
            default -> constants.containsKey(name) ? List.of(new StringType(constants.get(name))) : null;
        };
    }

    Resource resolve(String url) {
        return subject.resolver().apply(url);
    }
}
