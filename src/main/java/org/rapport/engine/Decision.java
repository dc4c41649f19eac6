package org.rapport.engine;

import java.util.List;

/**
 * One decision the trainee made, as the transcript records it.
 *
 * @param nodeId     the customer node
 * @param customerSaid what the customer said there
 * @param offered    the file positions (0-based) of the replies, in the order they were shown
 * @param chosen     the file position (0-based) of the reply taken
 * @param millis     how long the trainee took to decide
 * @param moodBefore the customer's mood before the reply
 * @param moodAfter  the customer's mood after it
 * @param next       the node the reply led to
 * @param answer     the trainee's own words and confidence, where the mode asked for them ({@link Answer#NONE} otherwise)
 */
public record Decision(String nodeId, String customerSaid, List<Integer> offered, int chosen, long millis,
                       int moodBefore, int moodAfter, String next, Answer answer) {
    public Decision {
        offered = List.copyOf(offered);
        if (answer == null) answer = Answer.NONE;
    }

    /** A decision with nothing besides the pick. */
    public Decision(String nodeId, String customerSaid, List<Integer> offered, int chosen, long millis, int moodBefore, int moodAfter, String next) {
        this(nodeId, customerSaid, offered, chosen, millis, moodBefore, moodAfter, next, Answer.NONE);
    }
}
