package org.rapport.engine;

import org.junit.jupiter.api.Test;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private final Catalog catalog = Catalog.bundled();
    private final Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();

    @Test
    void aScriptedPathGivesAGoldenTranscript() {
        Playthrough p = Playthrough.start(d, 5);
        List<Integer> order1 = p.offered().stream().map(c -> c.index()).toList();
        p.chooseIndex(0, 1200); // -2 + 2 = 0: not warm enough for "calmer"
        List<Integer> order2 = p.offered().stream().map(c -> c.index()).toList();
        p.chooseIndex(0, 900);
        assertEquals(new Transcript("late-parcel", "opening", -2, 5, List.of(
                new Decision("opening", d.node("opening").say(), order1, 0, 1200, -2, 0, "still-cross"),
                new Decision("still-cross", d.node("still-cross").say(), order2, 0, 900, 0, 2, "kept")), "kept"), p.transcript());
    }

    @Test
    void moodRoutesSendTheSameReplyToDifferentNodes() {
        Playthrough calm = Playthrough.startAt(d, "opening", 0, 1);
        assertEquals("calmer", calm.chooseIndex(0, 0).now().id(), "0 + 2 = 2 takes the moodAtLeast 1 route");
        Playthrough cross = Playthrough.startAt(d, "opening", -4, 1);
        assertEquals("still-cross", cross.chooseIndex(0, 0).now().id(), "-4 + 2 = -2 falls through to the last route");
    }

    @Test
    void theTranscriptRecordsEverythingAboutEachDecision() {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 9);
        List<Integer> shown = p.offered().stream().map(c -> c.index()).toList();
        p.chooseIndex(0, 1500);
        p.chooseIndex(0, 800);
        Transcript t = p.transcript();
        assertTrue(t.finished());
        assertEquals("won", t.endingId());
        Decision first = t.decisions().get(0);
        assertEquals(new Decision("opening", d.node("opening").say(), shown, 0, 1500, 0, 2, "calmer"), first);
        assertEquals(new Decision("calmer", d.node("calmer").say(), t.decisions().get(1).offered(), 0, 800, 2, 4, "won"), t.decisions().get(1));
    }

    @Test
    void theShuffleIsSeededAndVaries() {
        List<Integer> a = Playthrough.start(d, 123).offered().stream().map(c -> c.index()).toList();
        List<Integer> b = Playthrough.start(d, 123).offered().stream().map(c -> c.index()).toList();
        assertEquals(a, b, "the same seed shows the same order");
        Set<List<Integer>> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) seen.add(Playthrough.start(d, seed).offered().stream().map(c -> c.index()).toList());
        assertEquals(2, seen.size(), "over many seeds both orders appear, so 'the first is best' cannot be learned");
    }

    @Test
    void choosingByShownPositionTakesTheReplyShownThere() {
        Playthrough p = Playthrough.start(d, 77);
        int fileIndex = p.offered().get(1).index();
        assertEquals(fileIndex, p.choose(1, 0).decision().chosen());
    }

    @Test
    void theDebriefScoresAgainstTheBestPossibleOnThePath() {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 1);
        p.chooseIndex(0, 0);
        p.chooseIndex(1, 0); // weak: the courier excuse
        Debrief debrief = Debrief.of(d, p.transcript(), catalog);
        assertEquals(3 + 1, debrief.points());
        assertEquals(6, debrief.maxPoints());
        assertEquals(67, debrief.percent());
        assertEquals(Outcome.KEPT, debrief.ending().ending().outcome());
        assertEquals(List.of(new Debrief.TechniqueScore("lead", "LEAD", 4, 6)), debrief.techniques());
        assertEquals(List.of(0, 2, 1), debrief.moodCurve());
        assertEquals(List.of("lead.accept"), debrief.missedSteps(), "calmer tested Accept and the weak reply skipped it");
        Debrief.DecisionReview second = debrief.decisions().get(1);
        assertEquals(Grade.WEAK, second.grade());
        assertEquals(0, second.better().index());
        assertNull(debrief.decisions().get(0).better(), "no better reply than the best");
    }

    @Test
    void aRemedyBeforeTheCustomerFeelsHeardIsCalledOut() {
        Playthrough p = Playthrough.start(d, 1);
        p.chooseIndex(1, 0); // "Sorry for any inconvenience. I can refund..." uses lead.deliver first
        p.chooseIndex(0, 0);
        Debrief debrief = Debrief.of(d, p.transcript(), catalog);
        List<Debrief.OrderNote> notes = debrief.decisions().get(0).orderNotes();
        assertEquals(1, notes.size());
        assertEquals("lead.deliver", notes.get(0).stepId());
        assertTrue(notes.get(0).message().contains("before"), notes.get(0).message());
    }

    @Test
    void deliveringAfterListeningIsInOrder() {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 1);
        p.chooseIndex(0, 0); // listen
        p.chooseIndex(0, 0); // accept + deliver
        assertEquals(List.of(), Debrief.of(d, p.transcript(), catalog).orderNotes());
    }

    @Test
    void tryingTheOtherReplyFromADecisionGivesADifferentTranscript() {
        Playthrough first = Playthrough.startAt(d, "opening", 0, 4);
        first.chooseIndex(0, 0);
        first.chooseIndex(0, 0);
        Playthrough again = Playthrough.replay(d, first.transcript(), 1);
        assertEquals("calmer", again.current().id());
        assertEquals(first.transcript().decisions().get(1).offered(), again.offered().stream().map(c -> c.index()).toList(),
                "the replay shows the replies in the same order as the first time");
        again.chooseIndex(1, 0);
        assertEquals("kept", again.transcript().endingId());
        assertEquals(first.transcript().decisions().get(0), again.transcript().decisions().get(0));
    }

    @Test
    void misuseIsRefusedClearly() {
        Playthrough p = Playthrough.start(d, 1);
        assertThrows(IllegalArgumentException.class, () -> p.choose(5, 0));
        p.chooseIndex(0, 0);
        p.chooseIndex(0, 0);
        assertTrue(p.ended());
        assertThrows(IllegalStateException.class, () -> p.chooseIndex(0, 0));
    }

    @Test
    void aCustomerWonOverDespiteAHarmfulReplyGetsAnHonestNoteNotJustTheHappyEnding() {
        // A lenient variant: after the harmful opening, the empathizing reply still wins her over.
        String lenient = Fixtures.replaceOnce(Fixtures.minimal(),
                "\"why\": \"Naming what she lost, not just the delay, shows you understand why it matters. That is LEAD's empathize step.\",\n          \"next\": \"kept\"",
                "\"why\": \"Naming what she lost, not just the delay, shows you understand why it matters. That is LEAD's empathize step.\",\n          \"next\": \"won\"");
        Dialogue l = Fixtures.validate(lenient).dialogue();
        Playthrough p = Playthrough.start(l, 3);
        p.chooseIndex(1, 1000); // harmful
        p.chooseIndex(0, 1000); // empathize, best
        Debrief debrief = Debrief.of(l, p.transcript(), catalog);
        assertEquals("won", debrief.ending().ending().outcome().word());
        assertEquals(1, debrief.harmful().size());
        assertTrue(debrief.recoveryNote().startsWith("One reply was harmful (decision 1), and the customer came round anyway"), debrief.recoveryNote());

        Playthrough clean = Playthrough.start(l, 3);
        clean.chooseIndex(0, 1000); // best; her mood stays below 1, so on to the same decision
        clean.chooseIndex(0, 1000);
        Debrief best = Debrief.of(l, clean.transcript(), catalog);
        assertEquals("won", best.ending().ending().outcome().word());
        assertNull(best.recoveryNote(), "no note when every reply held up");
    }
}
