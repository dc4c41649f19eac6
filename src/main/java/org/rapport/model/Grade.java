package org.rapport.model;

import java.util.Locale;

/** How good a reply is. Points feed the debrief score. */
public enum Grade {
    BEST(3), GOOD(2), WEAK(1), HARMFUL(0);

    private final int points;

    Grade(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
