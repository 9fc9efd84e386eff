package org.liaisonhub.ingest.hl7;

import org.apache.camel.Exchange;
import org.apache.camel.component.mllp.MllpException;
import org.apache.camel.component.mllp.MllpInvalidAcknowledgementException;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs what the MLLP listener reports outside an exchange (broken connections, timeouts, frames it could not
 * deliver) without message content. A frame with no acknowledgement is expected when the sender's MSH-15/16 asked
 * for none, so it is only a debug line.
 */
@Component("mllpListenerErrors")
public class MllpListenerErrors implements ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MllpListenerErrors.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception instanceof MllpInvalidAcknowledgementException) {
            log.debug("No acknowledgement sent for a frame (the sender asked for none)");
        } else if (exception instanceof MllpException mllp) {
            // with log-phi=false an MllpException's text carries no payload
            log.warn("MLLP listener: {}{}", message == null ? "" : message + ": ", mllp.getMessage());
        } else {
            log.warn("MLLP listener: {}{}", message == null ? "" : message + ": ",
                    exception == null ? "unknown error" : exception.getClass().getName());
            log.debug("MLLP listener failure", exception);
        }
    }
}
