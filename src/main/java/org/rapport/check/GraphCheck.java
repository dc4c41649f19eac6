package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RAP030 (warning): a node no path from "start" reaches. RAP031: a node from which no ending can be reached, so a
 * trainee who gets there is stuck. Every route counts as a possible edge, whatever the mood.
 */
final class GraphCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        Dialogue d = ctx.dialogue();
        List<Diagnostic> out = new ArrayList<>();
        Set<String> reachable = reachableFrom(d, d.start());
        if (d.nodes().containsKey(d.start())) {
            for (Node n : d.nodes().values()) {
                if (!reachable.contains(n.id())) {
                    out.add(ctx.warning("RAP030", SourceMap.path("nodes", n.id()), "No path from the start reaches \"" + n.id()
                            + "\", so no trainee will ever see it. Link a reply to it, or remove it.", n.id()));
                }
            }
        }
        Set<String> canEnd = canReachEnding(d);
        for (CustomerNode n : d.decisions()) {
            if (n.choices().isEmpty() || canEnd.contains(n.id())) continue;
            out.add(ctx.error("RAP031", SourceMap.path("nodes", n.id()), "No ending can be reached from \"" + n.id()
                    + "\": a trainee who gets here goes round in circles and is stuck. Lead at least one reply towards an ending.", n.id()));
        }
        return out;
    }

    static Set<String> reachableFrom(Dialogue d, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (d.nodes().containsKey(start)) todo.push(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            for (String next : successors(d.node(id))) {
                if (d.nodes().containsKey(next) && !seen.contains(next)) todo.push(next);
            }
        }
        return seen;
    }

    /** Every node from which some sequence of replies reaches an ending (a backwards search from the endings). */
    static Set<String> canReachEnding(Dialogue d) {
        Map<String, List<String>> preds = new HashMap<>();
        for (Node n : d.nodes().values()) {
            for (String next : successors(n)) preds.computeIfAbsent(next, k -> new ArrayList<>()).add(n.id());
        }
        Set<String> ok = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (EndingNode e : d.endings()) todo.push(e.id());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!ok.add(id)) continue;
            for (String p : preds.getOrDefault(id, List.of())) {
                if (!ok.contains(p)) todo.push(p);
            }
        }
        return ok;
    }

    static List<String> successors(Node n) {
        if (!(n instanceof CustomerNode c)) return List.of();
        List<String> out = new ArrayList<>();
        for (Choice ch : c.choices()) {
            for (Route r : ch.routes()) out.add(r.to());
        }
        return out;
    }
}
