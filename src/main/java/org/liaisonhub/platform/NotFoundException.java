package org.liaisonhub.platform;

/** A resource the API was asked for does not exist; answered 404 with a problem body. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
