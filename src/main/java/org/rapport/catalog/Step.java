package org.rapport.catalog;

import java.util.List;

/**
 * One step of a technique, e.g. {@code lead.listen}. {@code after}: steps of the same technique that should come first.
 * {@code discuss}: a question a facilitator can put to the room about a decision that tests this step.
 */
public record Step(String id, String name, String summary, List<String> soundsLike, List<String> mistakes,
                   List<String> after, String discuss) {
    public Step {
        discuss = discuss == null ? "" : discuss;
        soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
        mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
        after = after == null ? List.of() : List.copyOf(after);
    }
}
