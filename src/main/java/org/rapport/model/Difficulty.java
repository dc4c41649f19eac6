package org.rapport.model;

/** How hard a dialogue is for a new hire. */
public enum Difficulty {
    BEGINNER, INTERMEDIATE, ADVANCED;

    /** The word used in dialogue files, e.g. {@code beginner}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
