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
                for (Choice c : n.choices()) assertEquals(regexWords(c.say()), SurfaceCues.contentWords(c.say()));
            }
        }
    }

    @Property(tries = 2000)
    void theWordScanFindsWhatTheRegularExpressionFound(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int len = r.nextInt(60);
        for (int i = 0; i < len; i++) text.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        assertEquals(regexWords(text.toString()), SurfaceCues.contentWords(text.toString()), text.toString());
    }

    /** The regular-expression version that {@link SurfaceCues#contentWords} replaced. */
    private static Set<String> regexWords(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(SurfaceCues.normalize(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 4 && !SurfaceCues.STOP.contains(w)) out.add(w);
        }
        return out;
    }
}
