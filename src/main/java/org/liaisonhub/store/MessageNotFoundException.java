package org.liaisonhub.store;

import org.liaisonhub.platform.NotFoundException;

public class MessageNotFoundException extends NotFoundException {

    public MessageNotFoundException(long id) {
        super("No stored message has id " + id);
    }
}
