package org.rapport.store;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a trainee stands, computed from their finished attempts.
 *
 * <p><b>Mastery of a step</b> is a recency-weighted average, over the decisions that tested the step in the trainee's
 * last {@value #RECENT} attempts, of the reply's grade points divided by the best grade's (best 1, good 2/3, weak 1/3,
 * harmful 0). The newest attempt weighs 1, the one before {@value #DECAY}, then {@value #DECAY}², and so on, so
 * improvement shows quickly and an old bad day fades. A technique's mastery averages its steps that have data.
 */
public record Progress(Map<String, Double> stepMastery, Map<String, Double> techniqueMastery,
                       Map<String, List<Point>> techniqueOverTime, List<PitfallCount> pitfalls,
                       org.rapport.engine.Calibration calibration) {
    public static final int RECENT = 12;
    public static final double DECAY = 0.7;

    /** A technique's score in one attempt, for the chart over time. */
    public record Point(long finished, int percent) {
    }

    /** A pitfall the trainee fell into, how often, and their own replies that fell into it (newest first). */
    public record PitfallCount(String pitfallId, int count, List<Example> examples) {
    }

    public record Example(String dialogueTitle, String customerSaid, String reply) {
    }

    /** A finished attempt with its debrief, as the progress needs it. */
    public record Scored(AttemptSummary summary, Debrief debrief) {
    }

    /** @param attempts finished attempts, newest first */
    public static Progress of(List<Scored> attempts, Catalog catalog) {
        Map<String, double[]> steps = new LinkedHashMap<>(); // weighted sum, weight
        Map<String, List<Point>> overTime = new LinkedHashMap<>();
        Map<String, List<Example>> pitfallExamples = new LinkedHashMap<>();
        for (int k = 0; k < attempts.size(); k++) {
            Scored a = attempts.get(k);
            double w = Math.pow(DECAY, k);
            for (DecisionReview r : a.debrief().decisions()) {
                for (String p : r.chosen().pitfalls()) {
                    pitfallExamples.computeIfAbsent(p, x -> new ArrayList<>())
                            .add(new Example(a.summary().dialogueTitle(), r.customerSaid(), r.chosen().say()));
                }
                if (k >= RECENT) continue;
                double value = r.grade().points() / (double) Grade.BEST.points();
                for (String t : r.tests()) {
                    if (!catalog.isStep(t)) continue;
                    double[] acc = steps.computeIfAbsent(t, x -> new double[2]);
                    acc[0] += w * value;
                    acc[1] += w;
                }
            }
            for (Debrief.TechniqueScore t : a.debrief().techniques()) {
                overTime.computeIfAbsent(t.techniqueId(), x -> new ArrayList<>()).add(new Point(a.summary().finished(), t.percent()));
            }
        }
        Map<String, Double> stepMastery = new LinkedHashMap<>();
        Map<String, Double> techMastery = new LinkedHashMap<>();
        for (Technique t : catalog.techniques()) {
            double sum = 0;
            int n = 0;
            for (Step s : t.steps()) {
                double[] acc = steps.get(s.id());
                if (acc == null || acc[1] == 0) continue;
                double m = acc[0] / acc[1];
                stepMastery.put(s.id(), m);
                sum += m;
                n++;
            }
            if (n > 0) techMastery.put(t.id(), sum / n);
        }
        overTime.values().forEach(list -> list.sort(Comparator.comparingLong(Point::finished)));
        List<PitfallCount> pits = new ArrayList<>();
        pitfallExamples.forEach((id, ex) -> pits.add(new PitfallCount(id, ex.size(), List.copyOf(ex.subList(0, Math.min(3, ex.size()))))));
        pits.sort(Comparator.comparingInt(PitfallCount::count).reversed().thenComparing(PitfallCount::pitfallId));
        // Calibration over every rated reply the trainee has made: how often "sure" was right.
        List<org.rapport.engine.Calibration.Rated> rated = new java.util.ArrayList<>();
        for (Scored a : attempts) {
            for (var d : a.debrief().decisions()) rated.add(new org.rapport.engine.Calibration.Rated(d.answer().confidence(), d.grade()));
        }
        return new Progress(stepMastery, techMastery, overTime, pits, org.rapport.engine.Calibration.of(rated));
    }

    /** The steps with the lowest mastery first; steps never tested are not weak, just unknown, and come last. */
    public List<String> weakestSteps(int count) {
        return stepMastery.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(count).map(Map.Entry::getKey).toList();
    }

    /**
     * The dialogue that best practises the trainee's weakest steps: the one whose decisions test those steps most,
     * weighted by how weak each is (a step never practised counts as half known).
     */
    public Optional<Dialogue> suggest(List<Dialogue> library) {
        Dialogue best = null;
        double bestScore = 0;
        for (Dialogue d : library) {
            double score = 0;
            for (CustomerNode n : d.decisions()) {
                for (String t : n.tests()) score += 1.0 - stepMastery.getOrDefault(t, 0.5);
            }
            score /= Math.max(1, d.decisions().size());
            if (best == null || score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
