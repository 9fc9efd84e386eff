package org.liaisonhub.platform;

import java.util.Map;

/**
 * A request that conflicts with the current state of what it addresses; answered 409 with a problem body that
 * carries the title, the detail and any properties that say what the state is.
 */
public class ConflictException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public ConflictException(String title, String detail) {
        this(title, detail, Map.of());
    }

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem body, e.g. the current and the allowed statuses. */
    public Map<String, Object> properties() {
        return properties;
    }
}
