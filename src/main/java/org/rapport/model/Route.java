package org.rapport.model;

/**
 * One way a reply can go on. Conditions compare against the customer's mood after the reply's change.
 * A route with neither bound is unconditional.
 */
public record Route(Integer moodAtMost, Integer moodAtLeast, String to) {

    public static Route always(String to) {
        return new Route(null, null, to);
    }

    public boolean unconditional() {
        return moodAtMost == null && moodAtLeast == null;
    }

    public boolean matches(int mood) {
        return (moodAtMost == null || mood <= moodAtMost) && (moodAtLeast == null || mood >= moodAtLeast);
    }
}
