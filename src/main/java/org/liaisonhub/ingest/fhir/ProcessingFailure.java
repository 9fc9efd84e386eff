package org.liaisonhub.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why processing FHIR resources failed, in FHIR terms: what the sender can fix (422, with where it is) or the hub's
 * own failure (500), and the exception that answers it.
 */
record ProcessingFailure(int status, String why, String where, BaseServerResponseException exception) {

    private static final Logger log = LoggerFactory.getLogger(ProcessingFailure.class);
    private static final String OWN_FAILURE = "The hub could not process it; it was kept with status ERROR and can"
            + " be reprocessed";

    static ProcessingFailure of(FhirContext fhir, RuntimeException failure) {
        if (failure instanceof MappingDataException unusable) {
            return new ProcessingFailure(422, unusable.getMessage(), unusable.fhirPath(),
                    new UnprocessableEntityException(fhir, FhirProblems.outcome(IssueType.REQUIRED,
                            unusable.getMessage(), unusable.fhirPath())));
        }
        if (failure instanceof BaseServerResponseException answered) {
            return new ProcessingFailure(answered.getStatusCode(), answered.getMessage(), null, answered);
        }
        return new ProcessingFailure(500, OWN_FAILURE, null, new InternalErrorException(OWN_FAILURE,
                FhirProblems.outcome(IssueType.EXCEPTION, OWN_FAILURE, null)));
    }

    /** Logs a failure of the hub's own (the sender's are answered, not logged); its text only at DEBUG. */
    static void logIfOwn(RuntimeException failure) {
        if (!(failure instanceof MappingDataException) && !(failure instanceof BaseServerResponseException)) {
            log.error("FHIR resources could not be processed: {}", failure.getClass().getName());
            log.debug("FHIR processing failure", failure);
        }
    }

    /** The message store's outcome: ERROR, to be reprocessed. */
    MessageOutcome outcome() {
        return new MessageOutcome(MessageStatus.ERROR, null, String.valueOf(status), where, why, null);
    }
}
