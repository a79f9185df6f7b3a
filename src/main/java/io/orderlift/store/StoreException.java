package io.orderlift.store;

/** A store cannot be opened or used; the message is meant for the person at the keyboard. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
