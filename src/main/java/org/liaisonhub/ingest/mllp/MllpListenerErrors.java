package org.liaisonhub.ingest.mllp;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs what the MLLP listener reports outside the route: a peer that went away is routine (debug); anything else
 * is a warning that names the exception type but not its text, which could quote message content.
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
        if (exception instanceof IOException) {
            log.debug("MLLP connection ended: {}", exception.getMessage());
            return;
        }
        log.warn("MLLP listener: {}{}", message == null ? "" : message + ": ",
                exception == null ? "unknown error" : exception.getClass().getName());
        log.debug("MLLP listener failure", exception);
    }
}
