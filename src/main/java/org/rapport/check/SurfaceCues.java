package org.rapport.check;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Surface cues: features of a reply's wording that have nothing to do with skill (its length, how many sentences it
 * has, how often it says "you", how many warm words, questions, how many of the customer's words it echoes, where it
 * stands in the file). A trainee who picks by one of them (always the longest, always the one with a question) must
 * not find the best reply much more often than a trainee who picks at random.
 *
 * <p>For one cue and one decision, the cue picks the reply or replies with the highest (or lowest) value; its hit is
 * the share of best replies among them (ties share the hit). Chance is the share of best replies among all replies.
 * Over a dialogue, the cue's rate is the mean hit and chance the mean chance. Pure functions of the dialogue.
 */
public final class SurfaceCues {
    /** Fewer decisions than this say too little to warn about. */
    public static final int MIN_DECISIONS = 4;
    /** A cue that finds the best reply this much more often than chance, in one dialogue, is a giveaway (RAP064). */
    public static final double WARN_MARGIN = 0.25;
    /** What the bundled library as a whole keeps to, for every cue. */
    public static final double LIBRARY_MARGIN = 0.10;


    /** One surface feature, read in one direction. {@code label} completes "the reply with ...". */
    public record Cue(String id, String label, String advice, boolean fewest, ToIntBiFunction<Choice, CustomerNode> value) {
    }

    /** How one cue did over a set of decisions: hits and chance are sums over them. */
    public record Result(Cue cue, double hits, double chance, int decisions) {
        public double rate() {
            return decisions == 0 ? 0 : hits / decisions;
        }

        public double chanceRate() {
            return decisions == 0 ? 0 : chance / decisions;
        }

        public double margin() {
            return rate() - chanceRate();
        }

        public boolean giveaway() {
            return decisions >= MIN_DECISIONS && margin() >= WARN_MARGIN - 1e-9;
        }

        Result plus(Result o) {
            return new Result(cue, hits + o.hits, chance + o.chance, decisions + o.decisions);
        }
    }

    /** The echo's value; {@link #of} finds the customer's words once per decision instead of calling it per reply. */
    private static final ToIntBiFunction<Choice, CustomerNode> ECHO = (c, n) -> ReplyWords.echoed(c.say(), n.say());
    /** The "you" and warm words' values; {@link #of} counts both in one scan of each reply. */
    private static final ToIntBiFunction<Choice, CustomerNode> YOU = (c, n) -> ReplyWords.youWords(c.say());
    private static final ToIntBiFunction<Choice, CustomerNode> WARM = (c, n) -> ReplyWords.warmWords(c.say());

    public static final List<Cue> CUES = cues();

    private SurfaceCues() {
    }

    private static List<Cue> cues() {
        List<Cue> out = new ArrayList<>();
        both(out, "length", "characters", "vary which reply is longest: good replies are often short and plain, wrong ones long and fluent",
                (c, n) -> c.say().strip().length());
        both(out, "sentences", "sentences", "vary how many sentences the best reply has",
                (c, n) -> ReplyWords.sentences(c.say()));
        both(out, "you", "\"you\" words", "say \"you\" as often in the wrong replies as in the best",
                YOU);
        both(out, "warm", "warm words",
                "give warm words (sorry, understand, appreciate, thank, feel, hear...) to wrong replies too: a heartfelt non-apology, a kind over-promise",
                WARM);
        both(out, "questions", "question marks", "let wrong replies ask questions too, and best replies sometimes not",
                (c, n) -> ReplyWords.count(c.say(), '?'));
        both(out, "echo", "of the customer's words echoed", "let wrong replies repeat the customer's words too (a policy lecture quoting them)",
                ECHO);
        out.add(new Cue("first", "first place in the file", "move the best reply around the list", false, (c, n) -> -c.index()));
        out.add(new Cue("last", "last place in the file", "move the best reply around the list", false, (c, n) -> c.index()));
        return List.copyOf(out);
    }

    private static void both(List<Cue> out, String id, String what, String advice, ToIntBiFunction<Choice, CustomerNode> f) {
        out.add(new Cue("most-" + id, "the most " + what, advice, false, f));
        out.add(new Cue("fewest-" + id, "the fewest " + what, advice, true, f));
    }

    /** The decisions a cue can be scored on: two or more replies, at least one graded best. */
    public static List<CustomerNode> scored(Dialogue d) {
        List<CustomerNode> out = new ArrayList<>();
        for (CustomerNode n : d.decisions()) {
            if (n.choices().size() < 2) continue;
            for (Choice c : n.choices()) {
                if (c.grade() == Grade.BEST) {
                    out.add(n);
                    break;
                }
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * Every cue over one dialogue, in {@link #CUES} order. Each value is worked out once per reply: the two directions
     * of a feature share one function, so they share its values; the customer's words, for the echo, are found once
     * per decision. Hits and chance are added up decision by decision, in the same order as {@link #hit} would.
     */
    public static List<Result> of(Dialogue d) {
        List<CustomerNode> decisions = scored(d);
        int cueCount = CUES.size();
        double[] hits = new double[cueCount];
        double chance = 0;
        for (CustomerNode n : decisions) {
            List<Choice> choices = n.choices();
            int k = choices.size();
            boolean[] best = new boolean[k];
            int bestCount = 0;
            for (int i = 0; i < k; i++) {
                best[i] = choices.get(i).grade() == Grade.BEST;
                if (best[i]) bestCount++;
            }
            chance += (double) bestCount / k;
            int[] values = null;
            long[] words = null; // each reply's "you" and warm words, counted once for both features
            ToIntBiFunction<Choice, CustomerNode> valuesOf = null;
            for (int ci = 0; ci < cueCount; ci++) {
                Cue cue = CUES.get(ci);
                if (cue.value() != valuesOf) {
                    valuesOf = cue.value();
                    if (valuesOf == YOU || valuesOf == WARM) {
                        if (words == null) {
                            words = new long[k];
                            for (int i = 0; i < k; i++) words[i] = ReplyWords.wordCounts(choices.get(i).say());
                        }
                        values = new int[k];
                        for (int i = 0; i < k; i++) values[i] = (int) (valuesOf == YOU ? words[i] : words[i] >>> 32);
                    } else {
                        values = values(valuesOf, n);
                    }
                }
                hits[ci] += hit(values, best, cue.fewest());
            }
        }
        List<Result> out = new ArrayList<>(cueCount);
        for (int ci = 0; ci < cueCount; ci++) out.add(new Result(CUES.get(ci), hits[ci], chance, decisions.size()));
        return out;
    }

    /** One feature's value for each reply of a decision, in file order. */
    private static int[] values(ToIntBiFunction<Choice, CustomerNode> f, CustomerNode n) {
        List<Choice> choices = n.choices();
        int[] out = new int[choices.size()];
        if (f == ECHO) {
            ReplyWords.WordTable customer = ReplyWords.WordTable.ofCustomer(n.say() == null ? "" : n.say());
            for (int i = 0; i < out.length; i++) out[i] = customer.echoedIn(choices.get(i).say());
            return out;
        }
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsInt(choices.get(i), n);
        return out;
    }

    /** {@link #hit(Cue, CustomerNode)} from the replies' values: the share of best replies among the highest (or lowest). */
    private static double hit(int[] values, boolean[] best, boolean fewest) {
        int top = values[0];
        for (int v : values) if (fewest ? v < top : v > top) top = v;
        int picked = 0;
        int bestPicked = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != top) continue;
            picked++;
            if (best[i]) bestPicked++;
        }
        return (double) bestPicked / picked;
    }

    /** Every cue over many dialogues together (sums over all their decisions), in {@link #CUES} order. */
    public static List<Result> ofAll(List<Dialogue> dialogues) {
        List<Result> sum = null;
        for (Dialogue d : dialogues) {
            List<Result> one = of(d);
            if (sum == null) {
                sum = new ArrayList<>(one);
            } else {
                for (int i = 0; i < one.size(); i++) sum.set(i, sum.get(i).plus(one.get(i)));
            }
        }
        if (sum == null) return CUES.stream().map(c -> new Result(c, 0, 0, 0)).toList();
        return List.copyOf(sum);
    }

    /** The share of best replies among those the cue picks at this decision. */
    static double hit(Cue cue, CustomerNode n) {
        List<Choice> picked = pick(cue, n);
        return (double) picked.stream().filter(c -> c.grade() == Grade.BEST).count() / picked.size();
    }

    /** The replies this cue points to at one decision (several when they tie), in file order. */
    public static List<Choice> pick(Cue cue, CustomerNode n) {
        int top = 0;
        List<Choice> picked = new ArrayList<>();
        for (Choice c : n.choices()) {
            int v = cue.value().applyAsInt(c, n);
            if (picked.isEmpty() || (cue.fewest() ? v < top : v > top)) {
                picked.clear();
                top = v;
            }
            if (v == top) picked.add(c);
        }
        return picked;
    }

}
