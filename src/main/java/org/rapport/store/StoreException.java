package org.rapport.store;

/** A store problem the trainee should hear about in plain words (the message says what happened and what to do). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
