package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RAP030 (warning): a node no path from "start" reaches. RAP031: a node from which no ending can be reached, so a
 * trainee who gets there is stuck. Every route counts as a possible edge, whatever the mood.
 *
 * <p>The searches run on node numbers and arrays, not on sets of id strings: on a 10,000-node dialogue they were the
 * slowest of the checks.
 */
final class GraphCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        Dialogue d = ctx.dialogue();
        List<Diagnostic> out = new ArrayList<>();
        Graph g = new Graph(d);
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
        return out;
    }

    /** The nodes in file order, numbered, with the numbers of the nodes each one's routes lead to. */
    private static final class Graph {
        final List<Node> nodes;
        final Map<String, Integer> number = new HashMap<>();
        final int[][] next;

        Graph(Dialogue d) {
            nodes = new ArrayList<>(d.nodes().values());
            for (int i = 0; i < nodes.size(); i++) number.put(nodes.get(i).id(), i);
            next = new int[nodes.size()][];
            for (int i = 0; i < nodes.size(); i++) {
                int[] to = new int[8];
                int count = 0;
                if (nodes.get(i) instanceof CustomerNode c) {
                    for (Choice ch : c.choices()) {
                        for (Route r : ch.routes()) {
                            Integer t = number.get(r.to());
                            if (t == null) continue; // a missing node: ReferenceCheck reports it
                            if (count == to.length) to = Arrays.copyOf(to, count * 2);
                            to[count++] = t;
                        }
                    }
                }
                next[i] = Arrays.copyOf(to, count);
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
