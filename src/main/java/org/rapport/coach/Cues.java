package org.rapport.coach;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.CuePart;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.catalog.Tell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A catalog's cues made ready for matching: every phrase as a sequence of stems ({@code null} where the phrase has
 * {@code #}, a number), indexed by its first word. Built once per catalog and kept while the catalog lives.
 */
final class Cues {
    private static final Map<Catalog, Cues> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** A phrase as stems; a null element matches a number. {@code text}: the phrase as written in the catalog. */
    record Pattern(String text, String[] stems) {
    }

    /** Phrases ready to match: indexed by the stem of their first word, or kept apart when they start with a number. */
    static final class PhraseSet {
        private final Map<String, List<Pattern>> byFirst = new HashMap<>();
        private final List<Pattern> numberFirst = new ArrayList<>();
        private int size;

        void add(Pattern p) {
            if (p.stems().length == 0) return;
            size++;
            if (p.stems()[0] == null) numberFirst.add(p);
            else byFirst.computeIfAbsent(p.stems()[0], k -> new ArrayList<>()).add(p);
        }

        boolean isEmpty() {
            return size == 0;
        }

        List<Pattern> startingWith(Words.Word w, Set<String> numbers) {
            List<Pattern> a = byFirst.getOrDefault(w.stem(), List.of());
            boolean number = w.digits() || numbers.contains(w.stem());
            if (!number || numberFirst.isEmpty()) return a;
            List<Pattern> both = new ArrayList<>(a);
            both.addAll(numberFirst);
            return both;
        }
    }

    /** One compiled part of a step's look-for: phrases, or an echo of at least {@code echo} of the customer's words. */
    record Part(CuePart source, PhraseSet phrases, int echo) {
    }

    record StepCue(Step step, List<Part> parts) {
    }

    record TellCue(Tell tell, PhraseSet phrases) {
    }

    final Set<String> numbers;
    final Set<String> negations;
    final Set<String> notContent;
    final Map<String, StepCue> steps = new LinkedHashMap<>();
    final Map<String, List<TellCue>> tells = new LinkedHashMap<>();

    private Cues(Catalog catalog) {
        numbers = stems(catalog.cueWords("numbers"));
        negations = stems(catalog.cueWords("negations"));
        notContent = stems(catalog.cueWords("notContent"));
        for (Technique t : catalog.techniques()) {
            for (Step s : t.steps()) {
                if (s.lookFor() == null || s.silent()) continue;
                List<Part> parts = new ArrayList<>();
                for (CuePart p : s.lookFor().parts()) parts.add(new Part(p, phrases(catalog, p.phrases(), p.list()), p.echo()));
                steps.put(s.id(), new StepCue(s, parts));
            }
        }
        for (Pitfall p : catalog.pitfalls()) {
            List<TellCue> cues = new ArrayList<>();
            for (Tell tell : p.tells()) cues.add(new TellCue(tell, phrases(catalog, tell.phrases(), tell.list())));
            if (!cues.isEmpty()) tells.put(p.id(), cues);
        }
    }

    static Cues of(Catalog catalog) {
        return CACHE.computeIfAbsent(catalog, Cues::new);
    }

    private static PhraseSet phrases(Catalog catalog, List<String> phrases, String list) {
        PhraseSet set = new PhraseSet();
        for (String p : phrases) set.add(pattern(p));
        if (!list.isEmpty()) for (String p : catalog.cueWords(list)) set.add(pattern(p));
        return set;
    }

    /** A catalog phrase as stems, read exactly as typed replies are; {@code #} becomes a number slot (null). */
    static Pattern pattern(String phrase) {
        List<String> stems = new ArrayList<>();
        for (String piece : phrase.trim().split("\\s+")) {
            if (piece.equals("#")) {
                stems.add(null);
            } else {
                for (Words.Word w : Words.of(piece)) stems.add(w.stem());
            }
        }
        return new Pattern(phrase, stems.toArray(new String[0]));
    }

    private static Set<String> stems(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) for (Words.Word x : Words.of(w)) out.add(x.stem());
        return out;
    }
}
