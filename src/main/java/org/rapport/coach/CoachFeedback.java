package org.rapport.coach;

import java.util.List;

/**
 * What the phrase coach saw in one typed reply at one decision. {@code found}: steps the decision tests whose cues are in
 * the reply; {@code missing}: tested steps whose cues are not (with any part that was found); {@code pitfalls}:
 * tell-tale phrases of pitfalls; {@code notChecked}: tested steps the coach has no cue for, because they cannot be
 * seen in words alone. {@code empty}: the reply had no words, and {@code note} says so; otherwise {@code note} states
 * what the coach cannot see. It lists what it found, never a grade.
 */
public record CoachFeedback(String node, String customerSays, String reply, boolean empty, List<Finding> found,
                            List<Finding> missing, List<Finding> pitfalls, List<String> notChecked, String note) {
    public CoachFeedback {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
        pitfalls = List.copyOf(pitfalls);
        notChecked = List.copyOf(notChecked);
    }

    /**
     * One thing the coach reports. {@code type}: "step" or "pitfall"; {@code name}: the catalog's name for the id;
     * {@code sentence}: what the coach says; {@code words}: the words it matched, as typed, with their spans.
     */
    public record Finding(String id, String type, String name, String sentence, List<Span> words) {
        public Finding {
            words = List.copyOf(words);
        }
    }

    /** Words of the typed reply: the text as typed and its character span, {@code start} inclusive, {@code end} exclusive. */
    public record Span(String text, int start, int end) {
    }
}
