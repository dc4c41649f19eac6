package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.author.Graphs.decision;
import static org.rapport.author.Graphs.dialogue;
import static org.rapport.author.Graphs.ending;
import static org.rapport.author.Graphs.reply;

class HarmCostTest {
    @Test
    void countsPathsByHowManyHarmfulRepliesTheyHoldAndHowTheyEnd() {
        // a: best or harmful, both to b; b: best or harmful to won, weak to lost. Six paths.
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 0, "b"), reply(1, Grade.HARMFUL, 0, "b")),
                decision("b", reply(0, Grade.BEST, 0, "won"), reply(1, Grade.HARMFUL, 0, "won"), reply(2, Grade.WEAK, 0, "lost")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        HarmCost.Counts c = HarmCost.of(d, "a", 0);
        assertEquals(2, c.all()[0], 1e-9);
        assertEquals(3, c.all()[1], 1e-9);
        assertEquals(1, c.all()[2], 1e-9);
        assertEquals(0.5, c.wonShare(0), 1e-9);
        assertEquals(2 / 3.0, c.wonShare(1), 1e-9);
        assertEquals(1.0, c.wonShare(2), 1e-9, "hurt twice and still won over: what RAP063 warns about");
    }

    @Test
    void moodRoutesCountAndLoopsGiveNoAnswer() {
        // A harmful reply drops the mood; the route to won needs mood 0 or more.
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 0, "b"), reply(1, Grade.HARMFUL, -2, "b")),
                decision("b", reply(0, Grade.BEST, 1, List.of(new org.rapport.model.Route(null, 0, "won"), org.rapport.model.Route.always("lost"))),
                        reply(1, Grade.HARMFUL, -2, "lost")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        HarmCost.Counts c = HarmCost.of(d, "a", 0);
        assertEquals(1.0, c.wonShare(0), 1e-9, "best then best: won");
        assertEquals(0.0, c.wonShare(2), 1e-9, "two harmful replies never win");
        assertEquals(0.0, c.wonShare(1), 1e-9, "after the harmful opening the mood is too low to win");

        Dialogue loop = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 0, "b"), reply(1, Grade.HARMFUL, 0, "won")),
                decision("b", reply(0, Grade.BEST, 0, "a"), reply(1, Grade.WEAK, 0, "won")),
                ending("won", Outcome.WON)));
        assertNull(HarmCost.of(loop, "a", 0));
    }

    @Test
    void aDialogueThousandsOfDecisionsDeepIsCountedWithoutOverflowingTheStack() {
        Dialogue big = Graphs.layered(200, 30);
        assertTrue(HarmCost.of(big, big.start(), big.customer().mood()) != null);
    }

    @Test
    void inTheBundledLibraryTwoHarmfulRepliesRarelyStillWinTheCustomerOver() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("dialogues"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")).sorted().toList()) {
                Validated v = new Validator(Catalog.bundled()).validate(p);
                Dialogue d = v.dialogue();
                HarmCost.Counts c = HarmCost.of(d, d.start(), d.customer().mood());
                assertTrue(c.wonShare(2) <= HarmCost.MAX_WON_AFTER_TWO, d.id() + ": " + Math.round(100 * c.wonShare(2)) + "% of paths with two or more harmful replies still end won");
            }
        }
    }
}
