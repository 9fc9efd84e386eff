package org.liaisonhub.dispatch.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.liaisonhub.platform.Text;

/**
 * What a vendor's callback says it learned, kept on the item: each {@code Task.output} by its type (a transport
 * broker's {@code pickup-time} and {@code trip-reference}, say), and a payer's eligibility result when the message
 * Bundle carries a {@code CoverageEligibilityResponse} (outcome, disposition, whether the coverage is in force and
 * for which period).
 */
final class VendorReport {

    /** A vendor's report is its own text: kept, but bounded. */
    private static final int MOST_VALUES = 50;
    private static final int LONGEST_VALUE = 500;

    private VendorReport() {
    }

    static Map<String, Object> of(IBaseResource sent, Task task) {
        Map<String, Object> learned = new LinkedHashMap<>();
        for (Task.TaskOutputComponent output : task.getOutput()) {
            String name = name(output.getType());
            String value = text(output.getValue());
            if (name != null && value != null && learned.size() < MOST_VALUES) {
                learned.put(fit(name), fit(value));
            }
        }
        if (sent instanceof Bundle bundle) {
            bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(CoverageEligibilityResponse.class::isInstance).map(CoverageEligibilityResponse.class::cast)
                    .findFirst().ifPresent(response -> learned.put("eligibility", eligibility(response)));
        }
        return learned;
    }

    private static Map<String, Object> eligibility(CoverageEligibilityResponse response) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", response.hasOutcome() ? response.getOutcome().toCode() : null);
        result.put("disposition", response.hasDisposition() ? fit(response.getDisposition()) : null);
        if (response.hasInsurance()) {
            CoverageEligibilityResponse.InsuranceComponent insurance = response.getInsuranceFirstRep();
            result.put("inforce", insurance.hasInforce() ? insurance.getInforce() : null);
            if (insurance.hasBenefitPeriod()) {
                result.put("benefitStart", insurance.getBenefitPeriod().getStartElement().getValueAsString());
                result.put("benefitEnd", insurance.getBenefitPeriod().getEndElement().getValueAsString());
            }
        }
        if (response.hasIdentifier()) {
            result.put("reference", fit(response.getIdentifierFirstRep().getValue()));
        }
        result.values().removeIf(Objects::isNull);
        return result;
    }

    private static String name(CodeableConcept type) {
        if (type.hasCoding() && type.getCodingFirstRep().hasCode()) {
            return type.getCodingFirstRep().getCode();
        }
        return type.hasText() ? type.getText() : null;
    }

    private static String text(Type value) {
        if (value instanceof IPrimitiveType<?> primitive) {
            return primitive.getValueAsString();
        }
        if (value instanceof Identifier identifier) {
            return identifier.getValue();
        }
        if (value instanceof Reference reference) {
            return reference.hasReference() ? reference.getReference() : reference.getDisplay();
        }
        return null;
    }

    /** The vendor's text, bounded. */
    static String fit(String text) {
        return Text.fit(text, LONGEST_VALUE);
    }
}
