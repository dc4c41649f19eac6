package org.rapport.author;

import org.rapport.engine.Debrief;
import org.rapport.model.Outcome;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One way through a dialogue, from the node play started at to an ending, with the debrief a trainee taking it would
 * get: the same score, mood curve and technique scores as after playing it.
 */
public record DialoguePath(List<PathStep> steps, String endingId, Outcome outcome, Debrief debrief) {
    public DialoguePath {
        steps = List.copyOf(steps);
    }

    public int points() {
        return debrief.points();
    }

    public int maxPoints() {
        return debrief.maxPoints();
    }

    public int percent() {
        return debrief.percent();
    }

    public List<Integer> moodCurve() {
        return debrief.moodCurve();
    }

    public List<Debrief.TechniqueScore> techniques() {
        return debrief.techniques();
    }

    /** Every technique step the replies on this path apply, in path order. */
    public Set<String> stepsUsed() {
        Set<String> out = new LinkedHashSet<>();
        for (Debrief.DecisionReview r : debrief.decisions()) out.addAll(r.chosen().uses());
        return out;
    }

    /** Every pitfall the replies on this path fall into, in path order. */
    public Set<String> pitfalls() {
        Set<String> out = new LinkedHashSet<>();
        for (Debrief.DecisionReview r : debrief.decisions()) out.addAll(r.chosen().pitfalls());
        return out;
    }

    /** The nodes visited, from the first decision to the ending. */
    public List<String> nodeIds() {
        List<String> out = new java.util.ArrayList<>(steps.stream().map(PathStep::nodeId).toList());
        out.add(endingId);
        return out;
    }

    /** Compact form for reports: {@code opening#1 → calmer#1 → won} (reply numbers 1-based). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (PathStep s : steps) sb.append(s.nodeId()).append('#').append(s.choice() + 1).append(" → ");
        return sb.append(endingId).toString();
    }
}
