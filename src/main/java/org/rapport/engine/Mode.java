package org.rapport.engine;

/**
 * Practice shows each reply's grade and explanation at once; assessment keeps them for the debrief; say-it-first asks
 * the trainee to put the reply in their own words (typed, or said aloud) before the options appear, then to pick the
 * closest one, with practice's feedback.
 */
public enum Mode {
    ASSESSMENT, PRACTICE, SAY_FIRST,
    /** One decision at a time, chosen for the trainee's weakest steps; practice's feedback and the confidence rating. */
    DRILL;

    /** True when the grade and the explanation follow each reply (practice and say-it-first). */
    public boolean feedbackAtOnce() {
        return this != ASSESSMENT;
    }

    /** True when the trainee rates how sure they are before seeing the grade. */
    public boolean asksConfidence() {
        return this != ASSESSMENT;
    }

    /** As the app names it: "Practice", "Assessment", "Say it first". */
    public String label() {
        return switch (this) {
            case ASSESSMENT -> "Assessment";
            case PRACTICE -> "Practice";
            case SAY_FIRST -> "Say it first";
            case DRILL -> "Drill";
        };
    }

    /** The stored and exported form: "assessment", "practice", "say-first". */
    public String key() {
        return this == SAY_FIRST ? "say-first" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode with this key; anything unknown is assessment (the strictest). */
    public static Mode ofKey(String key) {
        for (Mode m : values()) if (m.key().equals(key)) return m;
        return ASSESSMENT;
    }

    /** True for a key this version knows. */
    public static boolean known(String key) {
        for (Mode m : values()) if (m.key().equals(key)) return true;
        return false;
    }
}
