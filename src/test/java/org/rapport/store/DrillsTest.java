package org.rapport.store;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drills: weakest and due steps first, spaced repetition, never the same decision twice in one drill. */
class DrillsTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;
    private static final List<Dialogue> LIBRARY = bundled();

    private static List<Dialogue> bundled() {
        try {
            return DialogueLibrary.load(new org.rapport.check.Validator(Catalog.bundled()), List.of(Path.of("dialogues"))).playable().stream()
                    .map(org.rapport.check.Validated::dialogue).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRightReplyMovesAStepUpABoxAndLaterAMissedOneBackToTheStartAndSoon() {
        Drills.Slot first = Drills.next(null, "lead.listen", true, NOW);
        assertEquals(1, first.box());
        assertEquals(NOW + DAY, first.due(), "answered well: back in a day");
        Drills.Slot second = Drills.next(first, "lead.listen", true, NOW + DAY);
        assertEquals(2, second.box());
        assertEquals(NOW + DAY + 3 * DAY, second.due(), "then in three days");
        Drills.Slot missed = Drills.next(second, "lead.listen", false, NOW + 5 * DAY);
        assertEquals(0, missed.box());
        assertEquals(NOW + 5 * DAY + 10 * 60_000L, missed.due(), "missed: back in ten minutes, at the next drill");
        Drills.Slot top = first;
        for (int i = 0; i < 10; i++) top = Drills.next(top, "lead.listen", true, NOW);
        assertEquals(5, top.box(), "the boxes stop at the last one");
    }

    @Test
    void theWeakestAndDueStepsComeFirstAndRestingStepsOnlyFillTheRest() {
        Map<String, Double> mastery = Map.of("lead.listen", 0.2, "lead.deliver", 0.95, "lead.empathize", 0.6);
        Map<String, Drills.Slot> schedule = Map.of(
                "lead.deliver", new Drills.Slot("lead.deliver", 3, NOW - DAY),   // due since yesterday
                "lead.accept", new Drills.Slot("lead.accept", 4, NOW + 7 * DAY)); // answered well, resting
        List<Drills.Item> drill = Drills.plan(LIBRARY, mastery, schedule, NOW, 10, 42);
        assertEquals(10, drill.size());
        assertEquals("lead.deliver", drill.get(0).stepId(), "a due step first");
        assertEquals("lead.listen", drill.get(1).stepId(), "then the weakest never drilled");
        assertEquals("lead.empathize", drill.get(2).stepId());
        int firstResting = indexOf(drill, "lead.accept");
        assertTrue(firstResting < 0 || firstResting >= drill.size() - 3, "a resting step waits its turn: " + drill.stream().map(Drills.Item::stepId).toList());
        Set<String> decisions = new HashSet<>();
        for (Drills.Item i : drill) {
            assertTrue(decisions.add(i.dialogue().id() + "/" + i.nodeId()), "never the same decision twice in a drill");
            assertTrue(i.node().tests().contains(i.stepId()), "each decision tests the step it is drilled for");
        }
        assertEquals(drill, Drills.plan(LIBRARY, mastery, schedule, NOW, 10, 42), "the same inputs give the same drill");
        assertFalse(drill.equals(Drills.plan(LIBRARY, mastery, schedule, NOW, 10, 43)), "another seed, other decisions");
    }

    @Test
    void aNewTraineeGetsADrillOfStepsNeverPractisedAndAnEmptyLibraryNone() {
        assertEquals(10, Drills.plan(LIBRARY, Map.of(), Map.of(), NOW, 10, 1).size());
        assertEquals(List.of(), Drills.plan(List.of(), Map.of(), Map.of(), NOW, 10, 1));
    }

    private static int indexOf(List<Drills.Item> drill, String step) {
        for (int i = 0; i < drill.size(); i++) if (drill.get(i).stepId().equals(step)) return i;
        return -1;
    }
}
