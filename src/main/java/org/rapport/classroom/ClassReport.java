package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.classroom.ClassRoster.Assigned;
import org.rapport.classroom.HistoryReader.ResultAttempt;
import org.rapport.classroom.ResultsCollector.ClassResults;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.store.Progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a class did, from the results collected: per trainee and per technique step, mastery (the same
 * recency-weighted figure a trainee sees on their own progress screen, {@link Progress}); the decisions most often
 * missed across the class, with the reply most chosen there and why it falls short; and the completion of the assigned
 * dialogues. A pure function of the results and the catalog.
 *
 * @param steps  the step ids any trainee's attempts tested, in catalog order: the heat map's columns
 * @param missed every decision missed at least once, most missed first
 */
public record ClassReport(ClassRoster roster, List<TraineeRow> trainees, List<String> steps, Map<String, Double> classStepMastery,
                          List<MissedDecision> missed, List<Completion> completion, ClassResults results) {

    /** One trainee: their attempts at class dialogues, mastery per step, and best score per assigned dialogue. */
    public record TraineeRow(String name, int attempts, Map<String, Double> stepMastery, Map<String, Double> techniqueMastery,
                             Map<String, Integer> bestPercent) {
        public boolean hasResults() {
            return attempts > 0;
        }

        /** How many of the class's assigned dialogues this trainee finished at least once. */
        public int completed() {
            return bestPercent.size();
        }
    }

    /**
     * A decision the class often got wrong. {@code reached} counts the attempts that came to it, {@code missed} those
     * that took a reply below the best there; {@code commonMiss} is the weaker reply taken most often ({@code
     * commonMissCount} times) and {@code better} the best reply.
     */
    public record MissedDecision(String dialogueId, String dialogueTitle, String nodeId, String customerSaid, int reached, int missed,
                                 List<String> traineesWhoMissed, Choice commonMiss, int commonMissCount, Choice better) {
        public int missedPercent() {
            return reached == 0 ? 0 : Math.round(missed * 100f / reached);
        }
    }

    /** An assigned dialogue: who finished it and who has not. */
    public record Completion(Assigned dialogue, List<String> finished, List<String> notYet) {
        public int percent() {
            int all = finished.size() + notYet.size();
            return all == 0 ? 0 : Math.round(finished.size() * 100f / all);
        }
    }

    /** A display name for a heat-map column, e.g. "LEAD: Listen". */
    public String stepName(String stepId, Catalog catalog) {
        return catalog.displayName(stepId);
    }

    /** Share of assigned (trainee, dialogue) pairs finished, in percent. */
    public int completionPercent() {
        int done = completion.stream().mapToInt(c -> c.finished().size()).sum();
        int all = completion.stream().mapToInt(c -> c.finished().size() + c.notYet().size()).sum();
        return all == 0 ? 0 : Math.round(done * 100f / all);
    }

    public static ClassReport of(ClassResults results, Catalog catalog) {
        ClassRoster roster = results.roster();
        List<TraineeRow> rows = new ArrayList<>();
        Set<String> tested = new LinkedHashSet<>();
        for (String name : roster.trainees()) {
            List<ResultAttempt> attempts = results.attempts().getOrDefault(name, List.of());
            List<Progress.Scored> scored = attempts.stream().map(a -> new Progress.Scored(a.summary(), a.debrief())).toList();
            Progress p = Progress.of(scored, catalog);
            Map<String, Integer> best = new LinkedHashMap<>();
            for (Assigned d : roster.dialogues()) {
                // A drill answer is one decision: it counts toward mastery, never as the dialogue's result or as finishing it.
                attempts.stream().filter(a -> a.dialogue().id().equals(d.id()) && !org.rapport.engine.Mode.DRILL.key().equals(a.mode()))
                        .mapToInt(a -> a.debrief().percent()).max()
                        .ifPresent(v -> best.put(d.id(), v));
            }
            tested.addAll(p.stepMastery().keySet());
            rows.add(new TraineeRow(name, attempts.size(), p.stepMastery(), p.techniqueMastery(), best));
        }
        List<String> steps = new ArrayList<>();
        for (Technique t : catalog.techniques()) for (Step s : t.steps()) if (tested.contains(s.id())) steps.add(s.id());
        Map<String, Double> classMastery = new LinkedHashMap<>();
        for (String s : steps) {
            rows.stream().filter(r -> r.stepMastery().containsKey(s)).mapToDouble(r -> r.stepMastery().get(s)).average()
                    .ifPresent(v -> classMastery.put(s, v));
        }
        List<Completion> completion = new ArrayList<>();
        for (Assigned d : roster.dialogues()) {
            List<String> done = rows.stream().filter(r -> r.bestPercent().containsKey(d.id())).map(TraineeRow::name).toList();
            List<String> notYet = rows.stream().filter(r -> !r.bestPercent().containsKey(d.id())).map(TraineeRow::name).toList();
            completion.add(new Completion(d, done, notYet));
        }
        return new ClassReport(roster, rows, steps, classMastery, missed(results), completion, results);
    }

    private static final class MissTally {
        String dialogueId;
        String title;
        String nodeId;
        String said;
        long newest = Long.MIN_VALUE;
        CustomerNode node;
        int reached;
        int missed;
        final Set<String> who = new LinkedHashSet<>();
        final Map<String, Integer> bySay = new LinkedHashMap<>();
        final Map<String, Choice> choiceBySay = new LinkedHashMap<>();
    }

    private static List<MissedDecision> missed(ClassResults results) {
        Map<String, MissTally> byDecision = new LinkedHashMap<>();
        for (Map.Entry<String, List<ResultAttempt>> e : results.attempts().entrySet()) {
            for (ResultAttempt a : e.getValue()) {
                Debrief d = a.debrief();
                for (DecisionReview r : d.decisions()) {
                    MissTally m = byDecision.computeIfAbsent(a.dialogue().id() + "\u0000" + r.nodeId(), k -> new MissTally());
                    if (a.finished() > m.newest) {
                        // The newest copy of the dialogue gives the words shown.
                        m.newest = a.finished();
                        m.dialogueId = a.dialogue().id();
                        m.title = a.dialogue().title();
                        m.nodeId = r.nodeId();
                        m.said = r.customerSaid();
                        m.node = (CustomerNode) a.dialogue().node(r.nodeId());
                    }
                    m.reached++;
                    if (r.better() != null) {
                        m.missed++;
                        m.who.add(e.getKey());
                        m.bySay.merge(r.chosen().say(), 1, Integer::sum);
                        m.choiceBySay.put(r.chosen().say(), r.chosen());
                    }
                }
            }
        }
        List<MissedDecision> out = new ArrayList<>();
        for (MissTally m : byDecision.values()) {
            if (m.missed == 0) continue;
            Map.Entry<String, Integer> common = m.bySay.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow();
            Choice miss = m.choiceBySay.get(common.getKey());
            Choice best = m.node.choices().stream().max(Comparator.comparingInt((Choice c) -> c.grade().points())
                    .thenComparing(Comparator.comparingInt(Choice::index).reversed())).orElseThrow();
            out.add(new MissedDecision(m.dialogueId, m.title, m.nodeId, m.said, m.reached, m.missed, List.copyOf(m.who), miss,
                    common.getValue(), best));
        }
        out.sort(Comparator.comparingInt(MissedDecision::missed).reversed()
                .thenComparing(Comparator.comparingInt(MissedDecision::missedPercent).reversed())
                .thenComparing(MissedDecision::dialogueTitle).thenComparing(MissedDecision::nodeId));
        return out;
    }

    /** Mastery as a heat-map band from 0 (none) to 4 (mastered), for colouring cells next to the figure. */
    public static int band(double mastery) {
        if (mastery >= 0.85) return 4;
        if (mastery >= 0.65) return 3;
        if (mastery >= 0.45) return 2;
        if (mastery >= 0.25) return 1;
        return 0;
    }

    public static int percent(double mastery) {
        return (int) Math.round(mastery * 100);
    }
}
