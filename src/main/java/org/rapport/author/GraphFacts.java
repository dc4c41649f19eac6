package org.rapport.author;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dialogue as a plain graph, whatever the mood: every route of every reply is an edge. Tells the author view which
 * nodes no path reaches and which are dead ends (no ending reachable from them). Works on partial dialogues too:
 * edges to nodes that do not exist are left out.
 */
public final class GraphFacts {
    /** One route of one reply: reply {@code choice} (0-based) of {@code from}, route {@code route}, leading to {@code to}. */
    public record Edge(String from, int choice, int route, String to) {
    }

    private final List<Edge> edges;
    private final Set<String> reachable;
    private final Set<String> canEnd;

    private GraphFacts(List<Edge> edges, Set<String> reachable, Set<String> canEnd) {
        this.edges = edges;
        this.reachable = reachable;
        this.canEnd = canEnd;
    }

    public static GraphFacts of(Dialogue d) {
        List<Edge> edges = new ArrayList<>();
        Map<String, List<String>> succ = new HashMap<>();
        Map<String, List<String>> pred = new HashMap<>();
        for (Node n : d.nodes().values()) {
            if (!(n instanceof CustomerNode c)) continue;
            for (Choice ch : c.choices()) {
                List<Route> routes = ch.routes();
                for (int r = 0; r < routes.size(); r++) {
                    String to = routes.get(r).to();
                    if (!d.nodes().containsKey(to)) continue;
                    edges.add(new Edge(c.id(), ch.index(), r, to));
                    succ.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(to);
                    pred.computeIfAbsent(to, k -> new ArrayList<>()).add(c.id());
                }
            }
        }
        Set<String> reachable = walk(d.nodes().containsKey(d.start()) ? List.of(d.start()) : List.of(), succ);
        List<String> endings = d.endings().stream().map(EndingNode::id).toList();
        Set<String> canEnd = walk(endings, pred);
        return new GraphFacts(Collections.unmodifiableList(edges), reachable, canEnd);
    }

    private static Set<String> walk(List<String> from, Map<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            for (String n : next.getOrDefault(id, List.of())) {
                if (!seen.contains(n)) todo.push(n);
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    /** Every edge, in file order (node, then reply, then route). */
    public List<Edge> edges() {
        return edges;
    }

    /** True when some path from the start reaches the node. */
    public boolean reachable(String nodeId) {
        return reachable.contains(nodeId);
    }

    /** True for a customer node from which no ending can be reached: a trainee who gets there is stuck. */
    public boolean deadEnd(Dialogue d, String nodeId) {
        return d.node(nodeId) instanceof CustomerNode && !canEnd.contains(nodeId);
    }

    /** Node ids no path from the start reaches, in file order. */
    public List<String> unreachable(Dialogue d) {
        return d.nodes().keySet().stream().filter(id -> !reachable.contains(id)).toList();
    }

    /** Customer nodes from which no ending can be reached, in file order. */
    public List<String> deadEnds(Dialogue d) {
        return d.nodes().keySet().stream().filter(id -> deadEnd(d, id)).toList();
    }

    /** The distinct nodes that point at {@code nodeId}. */
    public Set<String> predecessors(String nodeId) {
        Set<String> out = new HashSet<>();
        for (Edge e : edges) if (e.to().equals(nodeId)) out.add(e.from());
        return out;
    }
}
