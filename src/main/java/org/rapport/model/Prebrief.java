package org.rapport.model;

import java.util.List;

/**
 * What the trainee reads before the customer's first line: what the scenario asks them to do (observable
 * objectives) and what they may and may not do in it (the facts and the authority the agent has: refund limits,
 * what can be waived, who can be called). A best reply never promises more than {@code mayDo} allows.
 */
public record Prebrief(List<String> objectives, List<String> mayDo, List<String> mayNotDo) {
    public static final Prebrief NONE = new Prebrief(List.of(), List.of(), List.of());

    public Prebrief {
        objectives = List.copyOf(objectives);
        mayDo = List.copyOf(mayDo);
        mayNotDo = List.copyOf(mayNotDo);
    }

    public boolean isEmpty() {
        return objectives.isEmpty() && mayDo.isEmpty() && mayNotDo.isEmpty();
    }
}
