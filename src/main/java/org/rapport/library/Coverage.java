package org.rapport.library;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which technique steps each dialogue tests and which pitfalls its replies fall into, and how often across the
 * library. A library teaches the whole catalog only when every step is tested and every pitfall shows up.
 *
 * @param perDialogue dialogue id → the steps its decisions test and the pitfalls its replies hold
 * @param stepCounts  step id → how many decisions across the library test it (catalog order, zeros included)
 * @param pitfallCounts pitfall id → how many replies across the library fall into it (catalog order, zeros included)
 */
public record Coverage(Map<String, DialogueCoverage> perDialogue, Map<String, Integer> stepCounts,
                       Map<String, Integer> pitfallCounts) {

    public record DialogueCoverage(String title, Set<String> steps, Set<String> pitfalls) {
    }

    public static Coverage of(List<Dialogue> dialogues, Catalog catalog) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        for (Technique t : catalog.techniques()) for (Step s : t.steps()) if (!s.silent()) steps.put(s.id(), 0);
        Map<String, Integer> pitfalls = new LinkedHashMap<>();
        for (Pitfall p : catalog.pitfalls()) pitfalls.put(p.id(), 0);
        Map<String, DialogueCoverage> per = new LinkedHashMap<>();
        for (Dialogue d : dialogues) {
            Set<String> ds = new LinkedHashSet<>();
            Set<String> dp = new LinkedHashSet<>();
            for (CustomerNode n : d.decisions()) {
                for (String t : n.tests()) {
                    if (steps.containsKey(t)) {
                        steps.merge(t, 1, Integer::sum);
                        ds.add(t);
                    }
                }
                for (Choice c : n.choices()) {
                    for (String p : c.pitfalls()) {
                        if (pitfalls.containsKey(p)) {
                            pitfalls.merge(p, 1, Integer::sum);
                            dp.add(p);
                        }
                    }
                }
            }
            per.put(d.id(), new DialogueCoverage(d.title(), ds, dp));
        }
        return new Coverage(per, steps, pitfalls);
    }

    /** Steps tested fewer than {@code min} times, with their counts. */
    public List<String> thinSteps(int min) {
        return below(stepCounts, min);
    }

    public List<String> thinPitfalls(int min) {
        return below(pitfallCounts, min);
    }

    private static List<String> below(Map<String, Integer> counts, int min) {
        List<String> out = new ArrayList<>();
        counts.forEach((id, n) -> {
            if (n < min) out.add(id);
        });
        return out;
    }
}
