package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.liaisonhub.platform.FhirProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Validates what EHRs send against base FHIR R4 (structure, cardinality, invariants, required bindings) with HAPI's
 * instance validator; profiles a resource claims and the hub does not know are not errors. Its first use loads the core
 * definitions, so it is warmed up in the background once the hub is ready. Errors only stop a resource; warnings (such
 * as an unknown code system) do not.
 */
@Component
public class FhirValidation {

    private static final Logger log = LoggerFactory.getLogger(FhirValidation.class);
    /** The type the validator notes inside an entry's location, as a comment: not FHIRPath, so dropped. */
    private static final Pattern EMBEDDED_TYPE = Pattern.compile("/\\*[^*]*\\*/");

    private final FhirValidator validator;
    private final boolean enabled;

    public FhirValidation(FhirContext fhir, FhirProperties properties) {
        this.enabled = properties.validate();
        // the context's own support: base R4 definitions, common code systems, in-memory terminology; a code
        // outside a preferred binding (a language not among the common ones) is information, not an error
        FhirInstanceValidator base = new FhirInstanceValidator(fhir);
        // resources claim profiles the hub does not have (US Core, the subscriptions backport): base R4 decides
        base.setErrorForUnknownProfiles(false);
        this.validator = fhir.newValidator().registerValidatorModule(base);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (enabled) {
            var warmer = Executors.newSingleThreadExecutor(r -> new Thread(r, "fhir-validator-warm-up"));
            warmer.execute(() -> {
                problems("{\"resourceType\":\"Patient\",\"active\":true}");
                log.info("FHIR validator ready");
            });
            warmer.shutdown();
        }
    }

    /** The errors found in a resource or bundle (JSON or XML), as an OperationOutcome; empty when it is valid. */
    public OperationOutcome problems(String resource) {
        OperationOutcome outcome = new OperationOutcome();
        if (!enabled) {
            return outcome;
        }
        List<SingleValidationMessage> messages = validator.validateWithResult(resource).getMessages();
        for (SingleValidationMessage message : messages) {
            if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                outcome.addIssue()
                        .setSeverity(IssueSeverity.ERROR)
                        .setCode(IssueType.INVALID)
                        .setDiagnostics(message.getMessage())
                        .addExpression(EMBEDDED_TYPE.matcher(message.getLocationString()).replaceAll(""));
            }
        }
        return outcome;
    }
}
