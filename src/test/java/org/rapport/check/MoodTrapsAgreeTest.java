package org.rapport.check;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rapport.model.Choice;
import org.rapport.model.Customer;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.model.Ending;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RAP031's search over node x mood states works out each node's moves at all moods once (docs/performance.md), where
 * it read the replies again at every state. On random graphs with mood conditions, loops, unmatched routes and
 * missing targets, it finds exactly the trapped moods the old search found, node by node.
 */
class MoodTrapsAgreeTest {

    @Property(tries = 1000)
    void theSearchFindsTheTrapsItFoundBefore(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Dialogue d = randomGraph(r);
        GraphCheck.Graph g = new GraphCheck.Graph(d);
        int startMood = r.nextInt(11) - 5;
        assertEquals(reference(g, d.start(), startMood), g.moodTraps(d.start(), startMood), "seed " + seed);
    }

    /** 2 to 30 nodes, some endings; 1 to 4 replies each with a mood change and 1 to 3 routes, conditions at random. */
    static Dialogue randomGraph(SplittableRandom r) {
        int n = 2 + r.nextInt(29);
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = "n" + i;
            if (i > 0 && r.nextInt(4) == 0) {
                nodes.put(id, new EndingNode(id, "Bye.", null, null, new Ending(Outcome.KEPT, "T", "S")));
                continue;
            }
            List<Choice> choices = new ArrayList<>();
            for (int c = r.nextInt(4) + 1; c > 0; c--) {
                List<Route> routes = new ArrayList<>();
                for (int k = r.nextInt(3) + 1; k > 0; k--) {
                    Integer atMost = r.nextInt(3) == 0 ? r.nextInt(11) - 5 : null;
                    Integer atLeast = r.nextInt(3) == 0 ? r.nextInt(11) - 5 : null;
                    String to = r.nextInt(20) == 0 ? "missing" : "n" + r.nextInt(n);
                    routes.add(new Route(atMost, atLeast, to));
                }
                choices.add(new Choice(choices.size(), "Reply.", Grade.values()[r.nextInt(4)], List.of(), List.of(),
                        r.nextInt(7) - 3, "Why.", routes));
            }
            nodes.put(id, new CustomerNode(id, "Hello.", null, null, List.of("lead.listen"), choices));
        }
        return new Dialogue("g", "G", "S", Difficulty.BEGINNER, 5, List.of(), new Customer("C", "P", 0), "Phone", "n0", nodes);
    }

    /** GraphCheck's search as it was before it worked out each node's moves once: it read the replies at every state. */
    static List<List<Integer>> reference(GraphCheck.Graph g, String start, int startMood) {
    List<Node> nodes = g.nodes;
    int[][] routeTargets = g.routeTargets;
        final int moods = Mood.MAX - Mood.MIN + 1;
        int states = nodes.size() * moods;
        int[] to = new int[16];
        int edges = 0;
        boolean[] reached = new boolean[states];
        int[] order = new int[states];
        int count = 0;
        int s = g.number.get(start) * moods + (startMood - Mood.MIN);
        reached[s] = true;
        order[count++] = s;
        // Breadth-first over the states, recording each state's moves in the order visited.
        int[] edgeStart = new int[states];
        int[] edgeEnd = new int[states];
        for (int head = 0; head < count; head++) {
            int cur = order[head];
            edgeStart[cur] = edges;
            if (nodes.get(cur / moods) instanceof CustomerNode c) {
                int mood = cur % moods + Mood.MIN;
                int[] targets = routeTargets[cur / moods];
                int k = 0;
                for (Choice ch : c.choices()) {
                    int after = Mood.clamp(mood + ch.mood());
                    // Choice.nextFor(after), as a node number: the first route that matches
                    List<Route> routes = ch.routes();
                    int t = -1;
                    for (int j = 0; j < routes.size(); j++) {
                        if (routes.get(j).matches(after)) {
                            t = targets[k + j];
                            break;
                        }
                    }
                    k += routes.size();
                    if (t < 0) continue; // no route matches, or a missing node: RAP022 and RAP021 report it
                    int nxt = t * moods + (after - Mood.MIN);
                    if (edges == to.length) to = Arrays.copyOf(to, edges * 2);
                    to[edges++] = nxt;
                    if (!reached[nxt]) {
                        reached[nxt] = true;
                        order[count++] = nxt;
                    }
                }
            }
            edgeEnd[cur] = edges;
        }
        // Backwards from the endings reached: which reached states can still finish.
        int[] inCount = new int[states + 1];
        for (int k = 0; k < edges; k++) inCount[to[k] + 1]++;
        for (int k = 0; k < states; k++) inCount[k + 1] += inCount[k];
        int[] from = new int[edges];
        int[] fill = Arrays.copyOf(inCount, states);
        for (int h = 0; h < count; h++) {
            int cur = order[h];
            for (int k = edgeStart[cur]; k < edgeEnd[cur]; k++) from[fill[to[k]]++] = cur;
        }
        boolean[] canEnd = new boolean[states];
        int[] todo = new int[count];
        int top = 0;
        for (int h = 0; h < count; h++) {
            if (nodes.get(order[h] / moods) instanceof EndingNode) {
                canEnd[order[h]] = true;
                todo[top++] = order[h];
            }
        }
        while (top > 0) {
            int cur = todo[--top];
            for (int k = inCount[cur]; k < inCount[cur + 1]; k++) {
                int p = from[k];
                if (!canEnd[p]) {
                    canEnd[p] = true;
                    todo[top++] = p;
                }
            }
        }
        List<List<Integer>> trapped = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) trapped.add(new ArrayList<>(0));
        for (int st = 0; st < states; st++) {
            if (reached[st] && !canEnd[st]) trapped.get(st / moods).add(st % moods + Mood.MIN);
        }
        return trapped;
    }
}
