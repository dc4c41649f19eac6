package org.rapport.lms;

import java.util.List;

/**
 * Why a package was not made, in plain words: {@link #getMessage()} is one sentence, {@link #problems()} the located
 * problems behind it (one line each, as {@code rapport validate} prints them), possibly none. Nothing was written.
 */
public final class LmsException extends RuntimeException {
    public enum Kind {
        /** Bad options (a mastery score outside 0..1, cmi5 without a base address, no dialogue given). */
        USAGE,
        /** The dialogues can't be packaged (errors in a file, two files with one id). */
        DIALOGUES,
        /** The build or the disk (the web player missing, the zip not writable). */
        BUILD
    }

    private final Kind kind;
    private final List<String> problems;

    public LmsException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public LmsException(Kind kind, String message, List<String> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> problems() {
        return problems;
    }
}
