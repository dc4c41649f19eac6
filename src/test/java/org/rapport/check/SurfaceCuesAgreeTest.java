package org.rapport.check;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rapport.catalog.Catalog;
import org.rapport.fuzz.DialogueGen;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SurfaceCues#of} works each reply's values out once and scans for words without a regular expression since it
 * was made faster (docs/performance.md): on generated dialogues, plain English and random text alike, it gives exactly
 * the figures of the per-cue {@link SurfaceCues#hit} it replaced, and on random text the words the regular expression
 * found.
 */
class SurfaceCuesAgreeTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)*");
    private static final String ALPHABET = "abcdeyouzABCYOU'\u2019\u2018 .,!?-\u0130\u00df\u00e9'1\n";

    @Property(tries = 200)
    void theFiguresAgreeWithThePerCueOnes(@ForAll long seed) {
        Dialogue d = new DialogueGen(CATALOG, seed, (seed & 1) == 0).generate(4 + (int) Math.floorMod(seed, 40L)).expected();
        List<SurfaceCues.Result> fast = SurfaceCues.of(d);
        List<CustomerNode> decisions = SurfaceCues.scored(d);
        for (int i = 0; i < SurfaceCues.CUES.size(); i++) {
            SurfaceCues.Cue cue = SurfaceCues.CUES.get(i);
            double hits = 0, chance = 0;
            for (CustomerNode n : decisions) {
                hits += SurfaceCues.hit(cue, n);
                long best = n.choices().stream().filter(c -> c.grade() == Grade.BEST).count();
                chance += (double) best / n.choices().size();
            }
            SurfaceCues.Result r = fast.get(i);
            assertEquals(cue, r.cue());
            assertEquals(hits, r.hits(), 0.0, cue.id());
            assertEquals(chance, r.chance(), 0.0, cue.id());
            assertEquals(decisions.size(), r.decisions());
            for (CustomerNode n : decisions) {
                for (Choice c : n.choices()) assertEquals(regexWords(c.say()), ReplyWords.contentWords(c.say()));
            }
        }
    }

    @Property(tries = 2000)
    void theWordScanFindsWhatTheRegularExpressionFound(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int len = r.nextInt(60);
        for (int i = 0; i < len; i++) text.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        assertEquals(regexWords(text.toString()), ReplyWords.contentWords(text.toString()), text.toString());
    }

    /** The regular expressions that {@link ReplyWords#wordCounts} replaced, as they were. */
    private static final Pattern WARM = Pattern.compile(
            "\\b(sorry|apolog\\w*|understand\\w*|appreciat\\w*|thank\\w*|glad|happy|feel\\w*|hear|heard|absolutely|truly|completely|totally|really)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YOU = Pattern.compile("\\byou(?:r|rs|rself|rselves|'re|'ve|'ll|'d)?\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Pieces of text that sit on the edges of those patterns: the words and stems in odd case, endings, apostrophes
     * straight and curly, '_' and digits (word characters to {@code \w}), letters outside ASCII (a word boundary's
     * business, not {@code \w}'s), combining marks after letters and after '_', a letter and a mark outside the BMP,
     * the Kelvin sign and the dotless i (which fold to ASCII letters only with UNICODE_CASE).
     */
    private static final String[] PIECES = {"you", "You", "YOU", "your", "yours", "Yourself", "yourselves", "youth", "you're",
            "you\u2019re", "you'd", "'ll", "'re", "sorry", "SORRY", "apolog", "Apologies", "apologé", "understand",
            "understandable", "appreciat", "thank", "thanks", "Thank_you", "thank2", "glad", "happy", "feel", "feelings",
            "hear", "heard", "hears", "absolutely", "truly", "completely", "totally", "really", "really\u0301", "\u0301",
            "_", "_\u0301", "9", "\u00e9", "\u00df", "\u0131", "\u0130", "\u212a", "\ud835\udc00", "\ud834\udd67", " ", " ",
            " ", "'", "\u2019", ".", ",", "?", "-", "\n", "a", "yo", "r", "s"};

    @Property(tries = 3000)
    void theWordCountsAreWhatTheRegularExpressionsCounted(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int pieces = r.nextInt(14);
        for (int i = 0; i < pieces; i++) text.append(PIECES[r.nextInt(PIECES.length)]);
        String t = text.toString();
        assertEquals(count(YOU, ReplyWords.normalize(t)), ReplyWords.youWords(t), "you: " + t);
        assertEquals(count(WARM, ReplyWords.normalize(t)), ReplyWords.warmWords(t), "warm: " + t);
    }

    /** The sentence count that {@link ReplyWords#sentences} replaced, as it was. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"\u201d\u2019')]*\\s+");

    private static int regexSentences(String text) {
        int n = 0;
        for (String s : SENTENCE_END.split(ReplyWords.normalize(text).strip())) if (!s.isBlank()) n++;
        return n;
    }

    /** Pieces of sentences: ends, closers straight and curly, white space of every kind, marks inside words. */
    private static final String[] SENTENCE_PIECES = {"Yes", "no", "e.g", "3.5", ".", "..", "!", "?", "?!", "\"", "\u201d",
            "\u2019", "\u2018", "'", ")", "(", " ", " ", "\n", "\t", "\u000B", "\f", "\r", "\u00a0", "\u2003", "\u2028", "\u3000",
            "\u0085", "a", "\ud835\udc00"};

    @Property(tries = 3000)
    void theSentenceCountIsWhatSplittingCounted(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(16); i > 0; i--) text.append(SENTENCE_PIECES[r.nextInt(SENTENCE_PIECES.length)]);
        String t = text.toString();
        assertEquals(regexSentences(t), ReplyWords.sentences(t), "sentences: " + t.replace("\n", "\\n"));
    }

    /** Pieces of replies and customer lines for the echo: words in any case, apostrophes, İ, the Kelvin sign, ß, é. */
    private static final String[] ECHO_PIECES = {"refund", "Refund", "REFUND", "refunds", "order", "order's", "order\u2019s",
            "\u2018order", "kept", "\u212aept", "\u0130stanbul", "istanbul", "stanbul", "stra\u00dfe", "caf\u00e9", "that",
            "really", "you're", "don't", "i'm", "week", "weeks", " ", " ", " ", ".", ",", "'", "-", "\n", "2", "a", "abc"};

    @Property(tries = 3000)
    void theEchoCountIsTheSizeOfTheSharedContentWords(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder reply = new StringBuilder();
        StringBuilder customer = new StringBuilder();
        for (int i = r.nextInt(16); i > 0; i--) reply.append(ECHO_PIECES[r.nextInt(ECHO_PIECES.length)]);
        for (int i = r.nextInt(16); i > 0; i--) customer.append(ECHO_PIECES[r.nextInt(ECHO_PIECES.length)]);
        int expected = ReplyWords.echoed(reply.toString(), customer.toString());
        assertEquals(expected, new ReplyWords.WordTable(ReplyWords.contentWords(customer.toString())).echoedIn(reply.toString()),
                reply + " / " + customer);
        assertEquals(expected, ReplyWords.WordTable.ofCustomer(customer.toString()).echoedIn(reply.toString()),
                "the customer's words found by the reply's scan: " + reply + " / " + customer);
    }

    @org.junit.jupiter.api.Test
    void everyBundledReplyCountsAsBefore() throws Exception {
        var validator = new Validator(CATALOG);
        int replies = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("dialogues"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).toList()) {
                for (CustomerNode n : validator.validate(f).dialogue().decisions()) {
                    ReplyWords.WordTable customer = ReplyWords.WordTable.ofCustomer(n.say());
                    for (Choice c : n.choices()) {
                        assertEquals(ReplyWords.echoed(c.say(), n.say()), customer.echoedIn(c.say()), c.say());
                        assertEquals(count(YOU, ReplyWords.normalize(c.say())), ReplyWords.youWords(c.say()), c.say());
                        assertEquals(count(WARM, ReplyWords.normalize(c.say())), ReplyWords.warmWords(c.say()), c.say());
                        assertEquals(regexSentences(c.say()), ReplyWords.sentences(c.say()), c.say());
                        replies++;
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(replies > 150, "the bundled library has its replies: " + replies);
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The regular-expression version that {@link ReplyWords#contentWords} replaced. */
    private static Set<String> regexWords(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(ReplyWords.normalize(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 4 && !ReplyWords.STOP.contains(w)) out.add(w);
        }
        return out;
    }
}
