package org.liaisonhub.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** HAPI's validator against base FHIR R4 (core profiles and terminologies), built once per test JVM. */
public final class FhirR4Validator {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final FhirValidator VALIDATOR = FHIR.newValidator().registerValidatorModule(
            new FhirInstanceValidator(new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR))));

    private FhirR4Validator() {
    }

    /** The errors (and fatal errors) HAPI's validator finds in a resource, as readable lines. */
    public static List<String> errors(String json) {
        return messages(json, ResultSeverityEnum.ERROR);
    }

    public static List<String> messages(String json, ResultSeverityEnum atLeast) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= atLeast.ordinal())
                .map(FhirR4Validator::line)
                .toList();
    }

    private static String line(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    public static FhirContext context() {
        return FHIR;
    }
}
