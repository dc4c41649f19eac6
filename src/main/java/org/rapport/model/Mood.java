package org.rapport.model;

/** The customer's mood: an integer from {@value #MIN} (furious) to {@value #MAX} (delighted). */
public final class Mood {
    public static final int MIN = -5;
    public static final int MAX = 5;

    private Mood() {
    }

    public static int clamp(int mood) {
        return Math.max(MIN, Math.min(MAX, mood));
    }

    public static boolean inRange(long mood) {
        return mood >= MIN && mood <= MAX;
    }

    /** A plain word for a mood value, for people rather than numbers. */
    public static String describe(int mood) {
        if (mood <= -4) return "furious";
        if (mood <= -2) return "upset";
        if (mood < 0) return "uneasy";
        if (mood == 0) return "neutral";
        if (mood <= 2) return "warming up";
        if (mood <= 4) return "pleased";
        return "delighted";
    }
}
