package org.liaisonhub.platform.audit;

/** The audit trail could not record a disclosure, so the disclosure is not made. */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(Throwable cause) {
        super("The access audit cannot record this read; no patient data is sent until it can", cause);
    }
}
