package org.rapport.engine;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a playthrough teaches. A pure function of the dialogue, the transcript and the catalog: the same inputs always
 * give the same debrief, so an old attempt's debrief can be shown again exactly.
 *
 * @param decisions   every decision with the reply chosen, its grade, tags, explanation and the better reply
 * @param ending      the ending reached (null if the transcript is unfinished)
 * @param points      grade points earned ({@link Grade#points()})
 * @param maxPoints   the best possible on the path taken (a best reply at every decision)
 * @param techniques  the score per technique the path tested, in catalog order
 * @param moodCurve   the customer's mood at the start and after every reply
 * @param missedSteps steps the path tested that the trainee never applied, in catalog order
 */
public record Debrief(String dialogueId, String title, EndingNode ending, List<DecisionReview> decisions, int points,
                      int maxPoints, List<TechniqueScore> techniques, List<Integer> moodCurve, List<String> missedSteps) {

    /** One decision, explained. {@code better} is null when the reply taken was already the best. */
    public record DecisionReview(int number, String nodeId, String customerSaid, String emotion, List<String> tests,
                                 Choice chosen, Choice better, List<OrderNote> orderNotes, int moodBefore,
                                 int moodAfter, long millis, Answer answer) {
        public Grade grade() {
            return chosen.grade();
        }
    }

    /** How the trainee's confidence matched their replies in this conversation. */
    public Calibration calibration() {
        return Calibration.of(decisions.stream().map(d -> new Calibration.Rated(d.answer().confidence(), d.grade())).toList());
    }

    /** A technique step used before the steps it depends on. */
    public record OrderNote(String stepId, List<String> neededBefore, String message) {
    }

    public record TechniqueScore(String techniqueId, String name, int points, int maxPoints) {
        public int percent() {
            return maxPoints == 0 ? 0 : Math.round(points * 100f / maxPoints);
        }
    }

    public int percent() {
        return maxPoints == 0 ? 0 : Math.round(points * 100f / maxPoints);
    }

    /** The decisions where the reply taken was harmful, in order. */
    public List<DecisionReview> harmful() {
        return decisions.stream().filter(d -> d.grade() == Grade.HARMFUL).toList();
    }

    /**
     * When the customer was won over although some replies were harmful: a plain note that says so, since the ending's
     * own words describe the conversation at its best. Null otherwise.
     */
    public String recoveryNote() {
        if (ending == null || ending.ending().outcome() != org.rapport.model.Outcome.WON) return null;
        List<DecisionReview> harm = harmful();
        if (harm.isEmpty()) return null;
        List<String> numbers = harm.stream().map(d -> String.valueOf(d.number())).toList();
        String where = numbers.size() == 1 ? "decision " + numbers.get(0)
                : "decisions " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
        return (harm.size() == 1 ? "One reply was harmful (" : harm.size() + " replies were harmful (") + where + "), and the customer came round "
                + "anyway: the replies after it did the work. This ending describes the conversation at its best; a real customer "
                + "does not always give a second chance, so look at " + (harm.size() == 1 ? "that decision" : "those decisions") + " first.";
    }

    public List<OrderNote> orderNotes() {
        return decisions.stream().flatMap(d -> d.orderNotes().stream()).toList();
    }

    public static Debrief of(Dialogue dialogue, Transcript transcript, Catalog catalog) {
        List<DecisionReview> reviews = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();
        Set<String> tested = new LinkedHashSet<>();
        Map<String, int[]> perTechnique = new LinkedHashMap<>();
        List<Integer> curve = new ArrayList<>();
        curve.add(transcript.startMood());
        int points = 0;
        int max = 0;
        int n = 0;
        for (Decision d : transcript.decisions()) {
            n++;
            Node node = dialogue.node(d.nodeId());
            if (!(node instanceof CustomerNode c) || d.chosen() >= c.choices().size()) {
                throw new IllegalArgumentException("The transcript does not fit this dialogue at decision " + n + " (" + d.nodeId() + ").");
            }
            Choice chosen = c.choices().get(d.chosen());
            List<OrderNote> notes = orderNotes(chosen, applied, catalog);
            applied.addAll(chosen.uses());
            for (String t : c.tests()) {
                if (catalog.isStep(t)) tested.add(t);
                catalog.techniqueOf(t).ifPresent(tech -> perTechnique.computeIfAbsent(tech.id(), k -> new int[2]));
            }
            Set<String> techs = new LinkedHashSet<>();
            for (String t : c.tests()) catalog.techniqueOf(t).ifPresent(tech -> techs.add(tech.id()));
            for (String tech : techs) {
                int[] s = perTechnique.get(tech);
                s[0] += chosen.grade().points();
                s[1] += Grade.BEST.points();
            }
            points += chosen.grade().points();
            max += Grade.BEST.points();
            curve.add(d.moodAfter());
            reviews.add(new DecisionReview(n, c.id(), c.say(), c.emotion(), c.tests(), chosen, better(c, chosen), notes,
                    d.moodBefore(), d.moodAfter(), d.millis(), d.answer()));
        }
        List<TechniqueScore> scores = new ArrayList<>();
        for (Technique t : catalog.techniques()) {
            int[] s = perTechnique.get(t.id());
            if (s != null) scores.add(new TechniqueScore(t.id(), t.name(), s[0], s[1]));
        }
        List<String> missed = new ArrayList<>();
        for (Technique t : catalog.techniques()) {
            for (Step s : t.steps()) {
                if (tested.contains(s.id()) && !applied.contains(s.id())) missed.add(s.id());
            }
        }
        EndingNode ending = transcript.endingId() == null ? null : (EndingNode) dialogue.node(transcript.endingId());
        return new Debrief(dialogue.id(), dialogue.title(), ending, reviews, points, max, scores, curve, missed);
    }

    /** The strongest reply at this decision, if it beats the one taken. */
    public static Choice better(CustomerNode node, Choice chosen) {
        Choice best = null;
        for (Choice c : node.choices()) {
            if (best == null || c.grade().points() > best.grade().points()) best = c;
        }
        return best != null && best.grade().points() > chosen.grade().points() ? best : null;
    }

    /**
     * Steps that depend on earlier steps (LEAD's Deliver after Listen or Empathize; the flip after listening for the
     * hot topic): a note for each one this reply used before any of its prerequisites appeared on the path. A
     * prerequisite in the same reply counts ("That sounds awful. Here's what I'll do" is in order).
     */
    static List<OrderNote> orderNotes(Choice chosen, Set<String> appliedBefore, Catalog catalog) {
        List<OrderNote> notes = new ArrayList<>();
        for (String used : chosen.uses()) {
            Step step = catalog.step(used).orElse(null);
            if (step == null || step.after().isEmpty()) continue;
            boolean ok = step.after().stream().anyMatch(a -> appliedBefore.contains(a) || chosen.uses().contains(a));
            if (ok) continue;
            Technique t = catalog.techniqueOf(used).orElseThrow();
            List<String> names = step.after().stream().map(a -> "\"" + catalog.step(a).map(Step::name).orElse(a) + "\"").toList();
            String needed = String.join(" or ", names);
            String message = t.name() + " works in order: \"" + step.name() + "\" lands only once the customer has had "
                    + needed + ". This reply went to \"" + step.name() + "\" before that had happened anywhere in the conversation, "
                    + "so the customer was likely still too upset to hear it as help.";
            notes.add(new OrderNote(used, step.after(), message));
        }
        return notes;
    }
}
