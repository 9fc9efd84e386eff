package org.liaisonhub.platform;

/** A request that conflicts with the current state of what it addresses; answered 409 with a problem body. */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
