package org.rapport.engine;

import org.junit.jupiter.api.Test;
import org.rapport.model.Grade;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calibration: how often each level of confidence was right (best or good), said in one sentence. */
class CalibrationTest {
    private static Calibration.Rated r(Confidence c, Grade g) {
        return new Calibration.Rated(c, g);
    }

    @Test
    void countsEachRatingAndHowManyWereBestOrGood() {
        Calibration c = Calibration.of(List.of(r(Confidence.SURE, Grade.BEST), r(Confidence.SURE, Grade.WEAK), r(Confidence.SURE, Grade.HARMFUL),
                r(Confidence.SURE, Grade.GOOD), r(Confidence.GUESSING, Grade.BEST), r(null, Grade.BEST)));
        assertEquals(4, c.rated(Confidence.SURE));
        assertEquals(2, c.right(Confidence.SURE));
        assertEquals(1, c.rated(Confidence.GUESSING));
        assertEquals(0, c.rated(Confidence.THINK_SO));
        assertEquals(5, c.total(), "an unrated reply does not count");
        assertEquals("When you were sure, you were right 2 of 4 times; when guessing, 1 of 1 time. Being sure was often not enough: read the"
                + " explanation of each reply you were sure of and missed.", c.summary());
    }

    @Test
    void nothingRatedSaysNothingAndGoodGuessesAreNamed() {
        assertNull(Calibration.of(List.of(r(null, Grade.BEST))).summary());
        String s = Calibration.of(List.of(r(Confidence.GUESSING, Grade.BEST), r(Confidence.GUESSING, Grade.GOOD), r(Confidence.GUESSING, Grade.BEST))).summary();
        assertTrue(s.endsWith("Your guesses were mostly right: you know more than you think."), s);
    }

    @Test
    void answersAreKeptTidy() {
        assertNull(new Answer("   ", false, null).ownWords(), "blank words are no words");
        assertEquals(Answer.MAX_WORDS, new Answer("x".repeat(5000), false, null).ownWords().length());
        assertEquals(Confidence.THINK_SO, Confidence.ofKey("think-so"));
        assertEquals(Mode.SAY_FIRST, Mode.ofKey("say-first"));
        assertEquals(Mode.ASSESSMENT, Mode.ofKey("exam"), "an unknown mode is the strictest");
    }
}
