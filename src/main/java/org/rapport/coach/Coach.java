package org.rapport.coach;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.CuePart;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.coach.CoachFeedback.Finding;
import org.rapport.coach.CoachFeedback.Span;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline phrase coach: looks at a reply a trainee typed at one decision and says which of the steps the decision
 * tests it can see in the words, which it cannot, and which pitfalls' tell-tale phrases it contains. Everything it looks
 * for comes from the catalog ({@code lookFor} on steps, {@code tells} on pitfalls, {@code cueWords}). A pure function:
 * the same catalog, node and reply always give the same feedback.
 * <p>
 * Words matched by a pitfall's tell never also count for a step ("I'm sorry you feel that way" owns nothing), and a cue
 * right after a negation in the same clause does not count ("not your fault", "don't worry").
 */
public final class Coach {
    /** Shown for a reply with no words in it. */
    public static final String EMPTY = "There is no reply to look at yet. Type what you would say to the customer, then ask again.";
    /** What the coach can never see; shown with every reply it looks at. */
    public static final String LIMITS = "The coach sees words only: not your tone, not your timing, and not whether what you say is true.";

    private static final int WORDS_IN_SENTENCE = 5;

    private Coach() {
    }

    /** Feedback on {@code reply} at the customer node {@code nodeId}; throws when the dialogue has no such decision. */
    public static CoachFeedback feedback(Catalog catalog, Dialogue dialogue, String nodeId, String reply) {
        Node n = dialogue.node(nodeId);
        if (!(n instanceof CustomerNode c)) {
            throw new IllegalArgumentException(n == null ? "no node \"" + nodeId + "\"" : "\"" + nodeId + "\" is an ending, not a decision");
        }
        return feedback(catalog, c, reply);
    }

    public static CoachFeedback feedback(Catalog catalog, CustomerNode node, String reply) {
        String text = reply == null ? "" : reply;
        List<String> tested = testedSteps(catalog, node);
        Cues cues = Cues.of(catalog);
        List<Words.Word> words = Words.of(text);
        if (words.isEmpty()) {
            return new CoachFeedback(node.id(), node.say(), text, true, List.of(), List.of(), List.of(), List.of(), EMPTY);
        }
        List<Words.Word> customer = Words.of(withoutStageDirections(node.say()));

        List<Finding> pitfalls = new ArrayList<>();
        List<Hit> pitfallHits = new ArrayList<>();
        for (Pitfall p : catalog.pitfalls()) {
            List<Cues.TellCue> tells = cues.tells.get(p.id());
            if (tells == null) continue;
            List<Finding> these = new ArrayList<>();
            List<Hit> theseHits = new ArrayList<>();
            for (Cues.TellCue tell : tells) {
                List<Hit> hits = outermost(find(tell.phrases(), words, cues));
                if (hits.isEmpty()) continue;
                theseHits.addAll(hits);
                these.add(new Finding(p.id(), "pitfall", p.name(), fill(tell.tell().says(), hits, text), spans(hits, text)));
            }
            if (these.isEmpty() || excused(p, cues, words, customer)) continue;
            pitfalls.addAll(these);
            pitfallHits.addAll(theseHits);
        }

        List<Finding> found = new ArrayList<>();
        List<Finding> missing = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (String id : tested) {
            Cues.StepCue cue = cues.steps.get(id);
            if (cue == null) {
                notChecked.add(id);
                continue;
            }
            Seen seen = look(cue, words, customer, cues, pitfallHits);
            Step s = cue.step();
            String name = catalog.displayName(id);
            if (seen.complete()) {
                found.add(new Finding(id, "step", name, fill(s.lookFor().found(), seen.hits(), text), spans(seen.hits(), text)));
            } else {
                String sentence = s.lookFor().missing();
                if (!seen.hits().isEmpty() && !seen.firstMissing().missing().isEmpty()) sentence = seen.firstMissing().missing();
                missing.add(new Finding(id, "step", name, fill(sentence, seen.hits(), text), spans(seen.hits(), text)));
            }
        }
        return new CoachFeedback(node.id(), node.say(), text, false, found, missing, pitfalls, notChecked, LIMITS);
    }

    /** The steps a decision tests, a technique id standing for its spoken steps, in order and once each. */
    static List<String> testedSteps(Catalog catalog, CustomerNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : node.tests()) {
            if (catalog.isStep(id)) {
                if (!catalog.step(id).orElseThrow().silent()) out.add(id);
            } else {
                catalog.technique(id).map(Technique::steps).orElse(List.of()).stream()
                        .filter(st -> !st.silent()).forEach(st -> out.add(st.id()));
            }
        }
        return List.copyOf(out);
    }

    /** A stretch of the reply matched by a cue: word indexes {@code from} (inclusive) to {@code to} (exclusive). */
    record Hit(int from, int to, int start, int end) {
        boolean overlaps(Hit o) {
            return start < o.end && o.start < end;
        }
    }

    /** What a step's look-for found: the hits of the parts that were found, and the first part that was not (or null). */
    private record Seen(List<Hit> hits, CuePart firstMissing) {
        boolean complete() {
            return firstMissing == null;
        }
    }

    private static Seen look(Cues.StepCue cue, List<Words.Word> words, List<Words.Word> customer, Cues cues,
                             List<Hit> pitfallHits) {
        List<Hit> hits = new ArrayList<>();
        CuePart firstMissing = null;
        for (Cues.Part part : cue.parts()) {
            List<Hit> partHits = new ArrayList<>();
            if (!part.phrases().isEmpty()) {
                for (Hit h : outermost(find(part.phrases(), words, cues))) {
                    if (pitfallHits.stream().noneMatch(h::overlaps)) partHits.add(h);
                }
            }
            if (part.echo() > 0) {
                List<Hit> echoed = echo(words, customer, cues);
                if (echoed.size() >= part.echo()) partHits.addAll(echoed);
            }
            if (partHits.isEmpty()) {
                if (firstMissing == null) firstMissing = part.source();
            } else {
                hits.addAll(partHits);
            }
        }
        return new Seen(outermost(hits), firstMissing);
    }

    /** True when a step the pitfall names in {@code tellsUnless} is seen in the reply ("get back to you by 5"). */
    private static boolean excused(Pitfall p, Cues cues, List<Words.Word> words, List<Words.Word> customer) {
        for (String stepId : p.tellsUnless()) {
            Cues.StepCue cue = cues.steps.get(stepId);
            if (cue != null && look(cue, words, customer, cues, List.of()).complete()) return true;
        }
        return false;
    }

    /** Every place a phrase of the set matches whole words inside one sentence, not just after a negation. */
    static List<Hit> find(Cues.PhraseSet set, List<Words.Word> words, Cues cues) {
        List<Hit> hits = new ArrayList<>();
        if (set.isEmpty()) return hits;
        for (int i = 0; i < words.size(); i++) {
            Words.Word first = words.get(i);
            for (Cues.Pattern p : set.startingWith(first, cues.numbers)) {
                String[] stems = p.stems();
                if (i + stems.length > words.size()) continue;
                boolean ok = true;
                for (int k = 0; k < stems.length && ok; k++) {
                    Words.Word w = words.get(i + k);
                    ok = w.sentence() == first.sentence()
                            && (stems[k] == null ? w.digits() || cues.numbers.contains(w.stem()) : stems[k].equals(w.stem()));
                }
                if (ok && !negated(words, i, i + stems.length, cues)) {
                    hits.add(new Hit(i, i + stems.length, first.start(), words.get(i + stems.length - 1).end()));
                }
            }
        }
        return hits;
    }

    /**
     * A match is negated by a negation up to two words before it in the same clause ("not your fault", "don't worry"),
     * or right after it ("we can't", "I have no idea").
     */
    private static boolean negated(List<Words.Word> words, int from, int to, Cues cues) {
        Words.Word w = words.get(from);
        for (int k = from - 1; k >= Math.max(0, from - 2); k--) {
            Words.Word before = words.get(k);
            if (before.clause() != w.clause()) break;
            if (cues.negations.contains(before.stem())) return true;
        }
        if (to < words.size()) {
            Words.Word after = words.get(to);
            return after.clause() == words.get(to - 1).clause() && cues.negations.contains(after.stem());
        }
        return false;
    }

    /**
     * Content words of the reply that the customer also used (their stems, so "charged" echoes "charge"), each once,
     * in the reply's order. Stage directions in the customer's line were removed before.
     */
    private static List<Hit> echo(List<Words.Word> reply, List<Words.Word> customer, Cues cues) {
        Set<String> theirs = new HashSet<>();
        for (Words.Word w : customer) if (isContent(w, cues)) theirs.add(w.stem());
        Set<String> seen = new HashSet<>();
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < reply.size(); i++) {
            Words.Word w = reply.get(i);
            if (isContent(w, cues) && theirs.contains(w.stem()) && seen.add(w.stem())) out.add(new Hit(i, i + 1, w.start(), w.end()));
        }
        return out;
    }

    private static boolean isContent(Words.Word w, Cues cues) {
        return w.digits() || (w.stem().length() > 1 && !cues.notContent.contains(w.stem()));
    }

    /** The hits in the order they appear, overlapping ones merged into one stretch ("I'm sorry" + "sorry we"). */
    static List<Hit> outermost(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        List<Hit> out = new ArrayList<>();
        for (Hit h : sorted) {
            Hit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && h.start() < last.end()) {
                out.set(out.size() - 1, new Hit(last.from(), Math.max(last.to(), h.to()), last.start(), Math.max(last.end(), h.end())));
            } else {
                out.add(h);
            }
        }
        return out;
    }

    private static List<Span> spans(List<Hit> hits, String text) {
        return hits.stream().map(h -> new Span(text.substring(h.start(), h.end()), h.start(), h.end())).toList();
    }

    /** The sentence with {words} replaced by the matched words as typed, each in quotes; at most five, then a count. */
    private static String fill(String sentence, List<Hit> hits, String text) {
        if (!sentence.contains("{words}")) return sentence;
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < hits.size() && i < WORDS_IN_SENTENCE; i++) {
            quoted.add("\"" + text.substring(hits.get(i).start(), hits.get(i).end()).replaceAll("\\s+", " ") + "\"");
        }
        String words = String.join(", ", quoted);
        if (hits.size() > WORDS_IN_SENTENCE) words += " and " + (hits.size() - WORDS_IN_SENTENCE) + " more";
        return sentence.replace("{words}", words);
    }

    /** The customer's line without stage directions in brackets, which the trainee never heard as words. */
    static String withoutStageDirections(String say) {
        return say == null ? "" : say.replaceAll("\\([^)]*\\)", " ");
    }
}
