package org.rapport.format.json;

import org.rapport.diag.Position;

/** Strict JSON that cannot be read: where it broke, a stable code and a message an author can act on. */
public final class JsonSyntaxError extends Exception {
    private final String code;
    private final Position pos;

    public JsonSyntaxError(String code, Position pos, String message) {
        super(message, null, false, false);
        this.code = code;
        this.pos = pos;
    }

    public String code() {
        return code;
    }

    public Position pos() {
        return pos;
    }
}
