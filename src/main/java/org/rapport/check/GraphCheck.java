package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;
import org.rapport.model.EndingNode;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RAP030 (warning): a node no path from "start" reaches. RAP031: a node from which no ending can be reached, so a
 * trainee who gets there is stuck. Every route counts as a possible edge, whatever the mood.
 *
 * <p>RAP031 also covers the trap that only moods make: a trainee who starts with the customer's starting mood reaches
 * a node, at some mood, from which every reply, as the engine plays it (the mood changes, then the first route that
 * matches is taken), only ever leads round in circles, though some route towards an ending exists on paper (its
 * condition is never met there, or an earlier route always wins). That search runs over the node x mood states
 * (11 moods), so it stays linear in the size of the dialogue.
 *
 * <p>The searches run on node numbers and arrays, not on sets of id strings: on a 10,000-node dialogue they were the
 * slowest of the checks.
 */
final class GraphCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        Dialogue d = ctx.dialogue();
        List<Diagnostic> out = new ArrayList<>();
        Graph g = ctx.shared(GraphCheck.Graph.class, () -> new GraphCheck.Graph(d));
        if (d.nodes().containsKey(d.start())) {
            boolean[] reachable = g.reachableFrom(d.start());
            for (int i = 0; i < g.nodes.size(); i++) {
                if (reachable[i]) continue;
                String id = g.nodes.get(i).id();
                out.add(ctx.warning("RAP030", SourceMap.path("nodes", id), "No path from the start reaches \"" + id
                        + "\", so no trainee will ever see it. Link a reply to it, or remove it.", id));
            }
        }
        boolean[] canEnd = g.canReachEnding();
        for (int i = 0; i < g.nodes.size(); i++) {
            if (!(g.nodes.get(i) instanceof CustomerNode n) || n.choices().isEmpty() || canEnd[i]) continue;
            out.add(ctx.error("RAP031", SourceMap.path("nodes", n.id()), "No ending can be reached from \"" + n.id()
                    + "\": a trainee who gets here goes round in circles and is stuck. Lead at least one reply towards an ending.", n.id()));
        }
        if (d.nodes().containsKey(d.start())) {
            List<List<Integer>> trapped = g.moodTraps(d.start(), Mood.clamp(d.customer().mood()));
            for (int i = 0; i < g.nodes.size(); i++) {
                if (trapped.get(i).isEmpty() || !canEnd[i]) continue; // no moods trapped here, or reported above
                String id = g.nodes.get(i).id();
                List<Integer> moods = trapped.get(i);
                out.add(ctx.error("RAP031", SourceMap.path("nodes", id), "A trainee can reach \"" + id + "\" with the customer's mood at "
                        + moodList(moods) + ", and from there no ending can be reached: at the moods that follow, the first route"
                        + " that matches always leads back round. Check the mood conditions and the order of the routes.", id));
            }
        }
        return out;
    }

    private static String moodList(List<Integer> moods) {
        List<String> shown = new ArrayList<>();
        for (int m : moods) shown.add(m > 0 ? "+" + m : Integer.toString(m));
        return String.join(", ", shown);
    }

    /**
     * The nodes in file order, numbered, with the numbers of the nodes each one's routes lead to and whether the reply
     * behind each route is harmful. Shared by the checks that search the graph (GraphCheck, WinNeedsHarmCheck).
     */
    static final class Graph {
        final List<Node> nodes;
        final Map<String, Integer> number;
        final int[][] next;
        final boolean[][] harmful;
        /** For each node, the number of every route's target, reply after reply, in file order; -1 for a missing node. */
        final int[][] routeTargets;

        Graph(Dialogue d) {
            nodes = new ArrayList<>(d.nodes().values());
            number = new HashMap<>(nodes.size() * 4 / 3 + 1);
            for (int i = 0; i < nodes.size(); i++) number.put(nodes.get(i).id(), i);
            next = new int[nodes.size()][];
            harmful = new boolean[nodes.size()][];
            routeTargets = new int[nodes.size()][];
            for (int i = 0; i < nodes.size(); i++) {
                int[] to = new int[8];
                boolean[] harm = new boolean[8];
                int count = 0;
                int routeCount = 0;
                if (nodes.get(i) instanceof CustomerNode c) {
                    for (Choice ch : c.choices()) routeCount += ch.routes().size();
                }
                int[] targets = new int[routeCount];
                routeTargets[i] = targets;
                int k = 0;
                if (nodes.get(i) instanceof CustomerNode c) {
                    for (Choice ch : c.choices()) {
                        for (Route r : ch.routes()) {
                            Integer t = number.get(r.to());
                            targets[k++] = t == null ? -1 : t;
                            if (t == null) continue; // a missing node: ReferenceCheck reports it
                            if (count == to.length) {
                                to = Arrays.copyOf(to, count * 2);
                                harm = Arrays.copyOf(harm, count * 2);
                            }
                            harm[count] = ch.grade() == Grade.HARMFUL;
                            to[count++] = t;
                        }
                    }
                }
                next[i] = Arrays.copyOf(to, count);
                harmful[i] = Arrays.copyOf(harm, count);
            }
        }

        boolean[] reachableFrom(String start) {
            boolean[] seen = new boolean[nodes.size()];
            int[] todo = new int[nodes.size()];
            int top = 0;
            int s = number.get(start);
            seen[s] = true;
            todo[top++] = s;
            while (top > 0) {
                int i = todo[--top];
                for (int t : next[i]) {
                    if (!seen[t]) {
                        seen[t] = true;
                        todo[top++] = t;
                    }
                }
            }
            return seen;
        }

        /**
         * For each node, the moods (ascending) at which a trainee starting at {@code start} with {@code startMood} can be
         * there and can no longer reach an ending, playing as the engine does. Empty lists when nobody can be trapped.
         */
        List<List<Integer>> moodTraps(String start, int startMood) {
            final int moods = Mood.MAX - Mood.MIN + 1;
            int states = nodes.size() * moods;
            // Each state reached is numbered by when the search reached it (its place in `order`), and everything after
            // the search is indexed by that number: arrays of the states reached rather than of all 11 moods of every
            // node, and neighbours close together, so a 100,000-node search stays in the caches longer.
            int[] place = new int[states]; // 0: not reached; else the state's place in `order` plus one
            int[] order = new int[states];
            int count = 0;
            int s = number.get(start) * moods + (startMood - Mood.MIN);
            place[s] = ++count;
            order[0] = s;
            // Breadth-first over the states; the moves of the state at place h are to[edgeStart[h], edgeStart[h + 1]),
            // as places.
            int[] to = new int[16];
            int edges = 0;
            int[] edgeStart = new int[states + 1];
            // Each node's moves at all 11 moods, worked out from its replies the first time the search reaches it
            // (while they are in the cache), instead of reading the replies again at every mood it is reached with.
            int[][] movesOf = new int[nodes.size()][];
            for (int head = 0; head < count; head++) {
                int cur = order[head];
                edgeStart[head] = edges;
                int node = cur / moods;
                int[] moves = movesOf[node];
                if (moves == null) moves = movesOf[node] = moves(node, moods);
                int replies = moves.length / moods;
                for (int at = (cur % moods) * replies, end = at + replies; at < end; at++) {
                    int nxt = moves[at];
                    if (nxt < 0) continue; // no route matches, or a missing node: RAP022 and RAP021 report it
                    if (place[nxt] == 0) {
                        order[count] = nxt;
                        place[nxt] = ++count;
                    }
                    if (edges == to.length) to = Arrays.copyOf(to, edges * 2);
                    to[edges++] = place[nxt] - 1;
                }
            }
            edgeStart[count] = edges;
            // Backwards from the endings reached: which reached states can still finish.
            int[] inCount = new int[count + 1];
            for (int k = 0; k < edges; k++) inCount[to[k] + 1]++;
            for (int k = 0; k < count; k++) inCount[k + 1] += inCount[k];
            int[] from = new int[edges];
            int[] fill = Arrays.copyOf(inCount, count);
            for (int h = 0; h < count; h++) {
                for (int k = edgeStart[h]; k < edgeStart[h + 1]; k++) from[fill[to[k]]++] = h;
            }
            boolean[] canEnd = new boolean[count];
            int[] todo = new int[count];
            int top = 0;
            for (int h = 0; h < count; h++) {
                if (nodes.get(order[h] / moods) instanceof EndingNode) {
                    canEnd[h] = true;
                    todo[top++] = h;
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
            // The trapped states, by state (node, then mood ascending); a node with none shares one empty list.
            int trappedCount = 0;
            for (int h = 0; h < count; h++) {
                if (!canEnd[h]) todo[trappedCount++] = order[h];
            }
            int[] trappedStates = Arrays.copyOf(todo, trappedCount);
            Arrays.sort(trappedStates);
            List<List<Integer>> trapped = new ArrayList<>(Collections.nCopies(nodes.size(), List.of()));
            for (int k = 0; k < trappedStates.length; ) {
                int node = trappedStates[k] / moods;
                List<Integer> at = new ArrayList<>();
                for (; k < trappedStates.length && trappedStates[k] / moods == node; k++) at.add(trappedStates[k] % moods + Mood.MIN);
                trapped.set(node, at);
            }
            return trapped;
        }

        /**
         * Where each reply of node {@code node} leads at each mood, as the engine plays it: entry {@code mood * replies
         * + reply} is the state (target node x mood after the reply) or -1 when no route matches or the target is
         * missing. Choice.nextFor, on node numbers. Empty for an ending.
         */
        private int[] moves(int node, int moods) {
            if (!(nodes.get(node) instanceof CustomerNode c)) return new int[0];
            List<Choice> choices = c.choices();
            int replies = choices.size();
            int[] targets = routeTargets[node];
            // Each reply's mood change and each route's bounds, read from the model once rather than at every mood.
            int[] delta = new int[replies];
            int[] firstRoute = new int[replies + 1];
            int[] atLeast = new int[targets.length];
            int[] atMost = new int[targets.length];
            int k = 0;
            for (int r = 0; r < replies; r++) {
                Choice ch = choices.get(r);
                delta[r] = ch.mood();
                firstRoute[r] = k;
                List<Route> routes = ch.routes();
                for (int j = 0, n = routes.size(); j < n; j++, k++) {
                    Route route = routes.get(j);
                    atLeast[k] = route.moodAtLeast() == null ? Integer.MIN_VALUE : route.moodAtLeast();
                    atMost[k] = route.moodAtMost() == null ? Integer.MAX_VALUE : route.moodAtMost();
                }
            }
            firstRoute[replies] = k;
            int[] out = new int[moods * replies];
            for (int m = 0; m < moods; m++) {
                int mood = m + Mood.MIN;
                for (int r = 0; r < replies; r++) {
                    int after = Mood.clamp(mood + delta[r]);
                    // the first route that matches (Route.matches)
                    int t = -1;
                    for (int j = firstRoute[r], end = firstRoute[r + 1]; j < end; j++) {
                        if (after >= atLeast[j] && after <= atMost[j]) {
                            t = targets[j];
                            break;
                        }
                    }
                    out[m * replies + r] = t < 0 ? -1 : t * moods + (after - Mood.MIN);
                }
            }
            return out;
        }

        /** Every node from which some sequence of replies reaches an ending (a backwards search from the endings). */
        boolean[] canReachEnding() {
            int n = nodes.size();
            int[] inCount = new int[n + 1];
            for (int[] to : next) for (int t : to) inCount[t + 1]++;
            for (int i = 0; i < n; i++) inCount[i + 1] += inCount[i];
            int[] from = new int[inCount[n]];
            int[] fill = Arrays.copyOf(inCount, n);
            for (int i = 0; i < n; i++) for (int t : next[i]) from[fill[t]++] = i;
            boolean[] ok = new boolean[n];
            int[] todo = new int[n];
            int top = 0;
            for (int i = 0; i < n; i++) {
                if (nodes.get(i) instanceof EndingNode) {
                    ok[i] = true;
                    todo[top++] = i;
                }
            }
            while (top > 0) {
                int i = todo[--top];
                for (int k = inCount[i]; k < inCount[i + 1]; k++) {
                    int p = from[k];
                    if (!ok[p]) {
                        ok[p] = true;
                        todo[top++] = p;
                    }
                }
            }
            return ok;
        }
    }
}
