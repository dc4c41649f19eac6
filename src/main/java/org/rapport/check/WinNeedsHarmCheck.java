package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RAP054 (warning): a won ending that every path reaches through at least one harmful reply: the only way to win the
 * customer over teaches a harmful move. Every route counts, whatever the mood. Lost and kept endings may well need a
 * harmful reply; unreachable endings are RAP030.
 */
final class WinNeedsHarmCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        Dialogue d = ctx.dialogue();
        if (!d.nodes().containsKey(d.start())) return List.of();
        Set<String> any = reach(d, true);
        Set<String> harmless = reach(d, false);
        List<Diagnostic> out = new ArrayList<>();
        for (EndingNode e : d.endings()) {
            if (e.ending().outcome() != Outcome.WON || !any.contains(e.id()) || harmless.contains(e.id())) continue;
            out.add(ctx.warning("RAP054", SourceMap.path("nodes", e.id()), "Every path to the won ending \"" + e.id()
                    + "\" goes through a harmful reply, so the only way to win the customer over includes a move the debrief calls harmful."
                    + " Lead a non-harmful reply (normally the best one) towards this ending.", e.id()));
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
