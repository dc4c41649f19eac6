package org.rapport.catalog;

import java.util.List;

/**
 * One step of a technique, e.g. {@code lead.listen}. {@code after}: steps of the same technique that should come first.
 * {@code discuss}: a question a facilitator can put to the room about a decision that tests this step.
 * {@code silent}: the step happens in the agent's head (asking yourself why the customer feels so, recalling a similar
 * feeling of your own) and cannot be heard in a reply; a reply shows its result only through a spoken step, so no
 * reply may claim it and no decision may test it (RAP065), and coverage does not count it.
 * {@code lookFor}: what the phrase coach looks for in a typed reply to see this step, or null when a step cannot be
 * seen in words alone.
 */
public record Step(String id, String name, String summary, List<String> soundsLike, List<String> mistakes,
                   List<String> after, String discuss, boolean silent, LookFor lookFor) {
    public Step {
        discuss = discuss == null ? "" : discuss;
        soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
        mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
        after = after == null ? List.of() : List.copyOf(after);
    }
}
