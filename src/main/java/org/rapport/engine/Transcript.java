package org.rapport.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a playthrough did, enough to compute its debrief again at any time.
 *
 * @param dialogueId which dialogue
 * @param startNode  where play started (the dialogue's start, or another node when playing from there)
 * @param startMood  the customer's mood at the start
 * @param seed       the shuffle seed
 * @param decisions  every decision, in order
 * @param endingId   the ending reached, or null while the conversation goes on
 */
public record Transcript(String dialogueId, String startNode, int startMood, long seed, List<Decision> decisions,
                         String endingId) {
    public Transcript {
        decisions = List.copyOf(decisions);
    }

    public boolean finished() {
        return endingId != null;
    }

    Transcript with(Decision d, String ending) {
        List<Decision> all = new ArrayList<>(decisions);
        all.add(d);
        return new Transcript(dialogueId, startNode, startMood, seed, all, ending);
    }

    /** The first {@code count} decisions, as if the trainee had stopped there (for "try the other reply from here"). */
    public Transcript prefix(int count) {
        return new Transcript(dialogueId, startNode, startMood, seed, decisions.subList(0, count), null);
    }
}
