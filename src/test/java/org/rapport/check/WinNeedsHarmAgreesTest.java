package org.rapport.check;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rapport.author.Graphs.decision;
import static org.rapport.author.Graphs.dialogue;
import static org.rapport.author.Graphs.ending;
import static org.rapport.author.Graphs.reply;

/**
 * WinNeedsHarmCheck (RAP054) works on node numbers since it was made faster (docs/performance.md): on random small
 * graphs, with harmful replies and won endings everywhere and routes to missing nodes, it names exactly the endings
 * the searches over sets of ids it replaced named.
 */
class WinNeedsHarmAgreesTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Property(tries = 500)
    void theNodeNumberSearchesAgreeWithTheSetBasedOnes(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int decisions = 1 + r.nextInt(8);
        int endings = 1 + r.nextInt(4);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < decisions; i++) ids.add("d" + i);
        for (int i = 0; i < endings; i++) ids.add("e" + i);
        Grade[] grades = Grade.values();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            int replies = 1 + r.nextInt(3);
            Choice[] choices = new Choice[replies];
            for (int k = 0; k < replies; k++) {
                List<Route> routes = new ArrayList<>();
                int n = 1 + r.nextInt(2);
                for (int j = 0; j < n; j++) routes.add(Route.always(r.nextInt(10) == 0 ? "missing" : ids.get(r.nextInt(ids.size()))));
                choices[k] = reply(k, grades[r.nextInt(grades.length)], 0, routes);
            }
            nodes.add(decision("d" + i, choices));
        }
        Outcome[] outcomes = Outcome.values();
        for (int i = 0; i < endings; i++) nodes.add(ending("e" + i, outcomes[r.nextInt(outcomes.length)]));
        Dialogue d = dialogue(r.nextInt(12) == 0 ? "missing" : "d0", 0, nodes);

        Set<String> actual = new TreeSet<>();
        for (Diagnostic x : new WinNeedsHarmCheck().run(new CheckContext("g.json", d, new SourceMap(), CATALOG, Set.of()))) {
            assertEquals("RAP054", x.code());
            actual.add(x.nodeId());
        }
        assertEquals(reference(d), actual, "seed " + seed);
        Statistics.label("RAP054").collect(!actual.isEmpty());
    }

    /** The check as it was: two searches over sets of ids. */
    private static Set<String> reference(Dialogue d) {
        Set<String> out = new TreeSet<>();
        if (!d.nodes().containsKey(d.start())) return out;
        Set<String> any = reach(d, true);
        Set<String> harmless = reach(d, false);
        for (EndingNode e : d.endings()) {
            if (e.ending().outcome() == Outcome.WON && any.contains(e.id()) && !harmless.contains(e.id())) out.add(e.id());
        }
        return out;
    }

    private static Set<String> reach(Dialogue d, boolean viaHarmful) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(d.start());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id) || !(d.node(id) instanceof CustomerNode c)) continue;
            for (Choice ch : c.choices()) {
                if (!viaHarmful && ch.grade() == Grade.HARMFUL) continue;
                for (Route r : ch.routes()) if (d.nodes().containsKey(r.to()) && !seen.contains(r.to())) todo.push(r.to());
            }
        }
        return seen;
    }
}
