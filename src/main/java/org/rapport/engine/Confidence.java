package org.rapport.engine;

import java.util.Locale;

/** How sure the trainee was of a reply, rated before seeing its grade (practice and say-it-first modes). */
public enum Confidence {
    SURE("sure"), THINK_SO("think so"), GUESSING("guessing");

    private final String words;

    Confidence(String words) {
        this.words = words;
    }

    /** As the trainee picked it: "sure", "think so", "guessing". */
    public String words() {
        return words;
    }

    /** The stored and exported form: "sure", "think-so", "guessing". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The confidence with this key, or null for null; throws IllegalArgumentException for anything else. */
    public static Confidence ofKey(String key) {
        if (key == null) return null;
        for (Confidence c : values()) if (c.key().equals(key)) return c;
        throw new IllegalArgumentException("\"" + key + "\" is not a confidence; use sure, think-so or guessing");
    }
}
