package org.rapport.model;

import java.util.List;

/**
 * A reply the trainee can give. {@code index} is its 0-based position in the file.
 * {@code routes} is never empty in a loaded dialogue; a plain {@code "next": "id"} is one unconditional route.
 */
public record Choice(int index, String say, Grade grade, List<String> uses, List<String> pitfalls, int mood,
                     String why, List<Route> routes) {

    public Choice {
        uses = List.copyOf(uses);
        pitfalls = List.copyOf(pitfalls);
        routes = List.copyOf(routes);
    }

    /** Where this reply leads for a customer now at {@code moodAfter}; null if no route matches. */
    public String nextFor(int moodAfter) {
        for (Route r : routes) {
            if (r.matches(moodAfter)) return r.to();
        }
        return null;
    }
}
