package org.liaisonhub.workitem;

import org.liaisonhub.platform.ConflictException;

/** A redispatch that cannot be done (closed item, no vendor for its type); answered 409. */
public class NotDispatchableException extends ConflictException {

    public NotDispatchableException(long itemId, String why) {
        super("Cannot dispatch", "Work item " + itemId + " cannot be dispatched: " + why);
    }
}
