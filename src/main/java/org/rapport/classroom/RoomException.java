package org.rapport.classroom;

/** Something the facilitator asked for that cannot be done now, said in plain words (what happened and what to do). */
public final class RoomException extends RuntimeException {
    public RoomException(String message) {
        super(message);
    }

    public RoomException(String message, Throwable cause) {
        super(message, cause);
    }
}
