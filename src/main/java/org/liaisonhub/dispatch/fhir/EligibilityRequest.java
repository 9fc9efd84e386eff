package org.liaisonhub.dispatch.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The focus of an insurance verification: a CoverageEligibilityRequest (purpose validation) for the patient's
 * Coverage with its payer, from the insurance details of the shipped mappings (docs/vendors.md).
 */
final class EligibilityRequest {

    private EligibilityRequest() {
    }

    /** Adds the payer, the Coverage and the request to the bundle; returns the request, the message's focus. */
    static Reference add(RequestBundle bundle, VendorRequest request, Reference patient) {
        Details details = new Details(request.item().details());
        Organization payer = new Organization();
        if (details.has("payer.id")) {
            payer.addIdentifier().setSystem(FhirCodes.PAYER_SYSTEM).setValue(details.text("payer.id"));
        }
        payer.setName(details.has("payer.name") ? details.text("payer.name")
                : details.has("payer.id") ? null : "Unknown payer");
        Reference payerReference = bundle.add("payer", payer);

        Coverage coverage = new Coverage();
        coverage.setStatus(request.cancel() ? Coverage.CoverageStatus.CANCELLED : Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(patient);
        coverage.addPayor(payerReference.copy().setDisplay(payer.getName()));
        coverage.setSubscriberId(details.text("memberId"));
        Coding relationship = FhirCodes.subscriberRelationship(details.text("relationship"));
        if (relationship != null) {
            coverage.setRelationship(new CodeableConcept(relationship));
            if ("self".equals(relationship.getCode())) {
                coverage.setSubscriber(patient);
            }
        }
        if (details.has("effectiveDate") || details.has("expirationDate")) {
            Period period = new Period();
            if (details.has("effectiveDate")) {
                period.setStartElement(new DateTimeType(details.text("effectiveDate")));
            }
            if (details.has("expirationDate")) {
                period.setEndElement(new DateTimeType(details.text("expirationDate")));
            }
            coverage.setPeriod(period);
        }
        if (details.has("groupNumber")) {
            coverage.addClass_().setType(new CodeableConcept(FhirCodes.coverageClass("group")))
                    .setValue(details.text("groupNumber"));
        }
        if (details.has("plan.id")) {
            coverage.addClass_().setType(new CodeableConcept(FhirCodes.coverageClass("plan")))
                    .setValue(details.text("plan.id")).setName(details.text("plan.name"));
        }
        Reference coverageReference = bundle.add("coverage", coverage);

        CoverageEligibilityRequest eligibility = new CoverageEligibilityRequest();
        eligibility.addIdentifier().setSystem(FhirCodes.REQUEST_SYSTEM).setValue(request.idempotencyKey());
        eligibility.setStatus(request.cancel() ? CoverageEligibilityRequest.EligibilityRequestStatus.CANCELLED
                : CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        eligibility.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        eligibility.setPatient(patient);
        eligibility.setCreated(Date.from(request.decidedAt()));
        eligibility.setInsurer(payerReference);
        eligibility.addInsurance().setFocal(true).setCoverage(coverageReference);
        return bundle.add("focus", eligibility);
    }
}
