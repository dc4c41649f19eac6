package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.author.Graphs.decision;
import static org.rapport.author.Graphs.dialogue;
import static org.rapport.author.Graphs.ending;
import static org.rapport.author.Graphs.reply;

/** What the author view marks on the graph: nodes nobody reaches, and nodes nobody gets out of. */
class GraphFactsTest {
    private final Dialogue d = dialogue("opening", 0, List.of(
            decision("opening", reply(0, Grade.BEST, 1, "won"), reply(1, Grade.HARMFUL, -1, "stuck")),
            decision("stuck", reply(0, Grade.BEST, 0, "stuck-too"), reply(1, Grade.WEAK, 0, "stuck")),
            decision("stuck-too", reply(0, Grade.BEST, 0, "stuck"), reply(1, Grade.WEAK, 0, "stuck-too")),
            decision("orphan", reply(0, Grade.BEST, 0, "won"), reply(1, Grade.WEAK, 0, "lost")),
            ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
    private final GraphFacts facts = GraphFacts.of(d);

    @Test
    void nodesNoPathReachesAreUnreachable() {
        assertEquals(List.of("orphan", "lost"), facts.unreachable(d));
        assertTrue(facts.reachable("stuck"));
    }

    @Test
    void decisionsThatCannotReachAnEndingAreDeadEnds() {
        assertEquals(List.of("stuck", "stuck-too"), facts.deadEnds(d));
        assertFalse(facts.deadEnd(d, "won"), "an ending is where paths end, not a dead end");
        assertFalse(facts.deadEnd(d, "orphan"), "unreachable, but it does lead to endings");
    }

    @Test
    void everyRouteIsAnEdgeAndPredecessorsAreKnown() {
        assertEquals(8, facts.edges().size());
        assertEquals(Set.of("opening", "stuck", "stuck-too"), facts.predecessors("stuck"));
    }
}
