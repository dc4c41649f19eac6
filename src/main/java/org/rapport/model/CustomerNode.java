package org.rapport.model;

import java.util.List;

/** The customer speaks and the trainee must choose a reply. */
public record CustomerNode(String id, String say, String emotion, String note, List<String> tests,
                           List<Choice> choices) implements Node {
    public CustomerNode {
        tests = List.copyOf(tests);
        choices = List.copyOf(choices);
    }
}
