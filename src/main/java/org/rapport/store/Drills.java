package org.rapport.store;

import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Drills: short sessions of single decisions from the library, chosen for the trainee's weakest steps and scheduled by
 * spaced repetition (a Leitner box per step). A step answered well (a best or good reply) moves up a box and comes back
 * later; a missed step goes back to the first box and comes back soon. Pure functions; the store keeps the schedule.
 */
public final class Drills {
    /** How long a step rests in each box before it is due again: 10 minutes, then 1, 3, 7, 14 and 30 days. */
    static final long[] REST = {10 * 60_000L, 86_400_000L, 3 * 86_400_000L, 7 * 86_400_000L, 14 * 86_400_000L, 30 * 86_400_000L};
    /** Mastery below this makes a step weak: drilled even before it is scheduled. */
    public static final double WEAK = 0.75;

    /** Where a step stands: its box (0 = just missed) and when it is due again (epoch ms). */
    public record Slot(String stepId, int box, long due) {
    }

    /** One decision to drill: the dialogue, the customer node, and the step it is drilled for. */
    public record Item(Dialogue dialogue, String nodeId, String stepId) {
        public CustomerNode node() {
            return (CustomerNode) dialogue.node(nodeId);
        }
    }

    private Drills() {
    }

    /**
     * A drill for a trainee: their mastery from every finished attempt in the store, their schedule, and the library.
     */
    public static List<Item> forTrainee(Store store, String traineeId, List<Dialogue> library, org.rapport.catalog.Catalog catalog,
                                        long now, int size, long seed) {
        List<Progress.Scored> scored = store.history(traineeId).stream().filter(s -> s.finished() > 0)
                .map(s -> new Progress.Scored(s, store.load(s.id()).debrief(catalog))).toList();
        return plan(library, Progress.of(scored, catalog).stepMastery(), store.drillSchedule(traineeId), now, size, seed);
    }

    /** After a drilled reply: every step the decision tests moves up a box when the reply helped, back to the start when not. */
    public static void answered(Store store, String traineeId, Item item, org.rapport.model.Grade grade, long now) {
        boolean right = org.rapport.engine.Calibration.right(grade);
        Map<String, Slot> schedule = store.drillSchedule(traineeId);
        for (String step : item.node().tests()) store.saveDrillSlot(traineeId, next(schedule.get(step), step, right, now));
    }

    /** The step's place after a drilled reply: up a box when the reply was right, back to the first when it was not. */
    public static Slot next(Slot before, String stepId, boolean right, long now) {
        int box = right ? Math.min(REST.length - 1, (before == null ? 0 : before.box()) + 1) : 0;
        return new Slot(stepId, box, now + REST[box]);
    }

    /**
     * Up to {@code size} decisions for the steps most in need: first the steps that are due (longest overdue first,
     * then lowest mastery), then weak steps never drilled (lowest mastery first), then steps never practised, then the
     * rest of the not-yet-due steps by mastery, so a drill is never empty while the library tests anything. Each step
     * is drilled at a decision that tests it, never the same decision twice in one drill; the choice among decisions is
     * seeded, so the same inputs give the same drill.
     */
    public static List<Item> plan(List<Dialogue> library, Map<String, Double> mastery, Map<String, Slot> schedule, long now, int size, long seed) {
        Map<String, List<Item>> byStep = new LinkedHashMap<>();
        for (Dialogue d : library) {
            for (Node n : d.nodes().values()) {
                if (!(n instanceof CustomerNode c)) continue;
                for (String step : c.tests()) byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(new Item(d, c.id(), step));
            }
        }
        List<String> steps = new ArrayList<>(byStep.keySet());
        Comparator<String> order = Comparator.<String>comparingInt(s -> rank(s, mastery, schedule, now))
                .thenComparingLong(s -> schedule.containsKey(s) ? schedule.get(s).due() : Long.MAX_VALUE)
                .thenComparingDouble(s -> mastery.getOrDefault(s, 2.0))
                .thenComparing(s -> s);
        steps.sort(order);
        SplittableRandom random = new SplittableRandom(seed);
        List<Item> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        // First every due, weak or never-practised step once; then the due and weak ones again at other decisions;
        // resting steps (answered well, not yet due) only when nothing else is left to fill the drill.
        for (int round = 0; out.size() < size && round < size; round++) {
            int maxRank = round == 0 ? 2 : 1;
            if (!pickRound(steps, byStep, mastery, schedule, now, maxRank, size, random, used, out)) break;
        }
        boolean more = true;
        while (more && out.size() < size) more = pickRound(steps, byStep, mastery, schedule, now, 3, size, random, used, out);
        return List.copyOf(out);
    }

    private static boolean pickRound(List<String> steps, Map<String, List<Item>> byStep, Map<String, Double> mastery, Map<String, Slot> schedule,
                                     long now, int maxRank, int size, SplittableRandom random, Set<String> used, List<Item> out) {
        boolean added = false;
        for (String step : steps) {
            if (out.size() >= size) break;
            if (rank(step, mastery, schedule, now) > maxRank) continue;
            List<Item> options = byStep.get(step).stream().filter(i -> !used.contains(i.dialogue().id() + "/" + i.nodeId())).toList();
            if (options.isEmpty()) continue;
            Item pick = options.get(random.nextInt(options.size()));
            used.add(pick.dialogue().id() + "/" + pick.nodeId());
            out.add(pick);
            added = true;
        }
        return added;
    }

    /** 0 due, 1 weak and not yet drilled, 2 never practised, 3 resting (not yet due). */
    private static int rank(String step, Map<String, Double> mastery, Map<String, Slot> schedule, long now) {
        Slot s = schedule.get(step);
        if (s != null) return s.due() <= now ? 0 : 3;
        Double m = mastery.get(step);
        if (m == null) return 2;
        return m < WEAK ? 1 : 3;
    }
}
