package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Outcome;

import java.util.ArrayList;
import java.util.List;

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
        // On node numbers, not sets of ids: each route's target is looked up once, then two searches over arrays.
        GraphCheck.Graph g = ctx.shared(GraphCheck.Graph.class, () -> new GraphCheck.Graph(d));
        int start = g.number.get(d.start());
        boolean[] any = reach(start, g.next, g.harmful, true);
        boolean[] harmless = reach(start, g.next, g.harmful, false);
        List<Diagnostic> out = new ArrayList<>();
        for (EndingNode e : d.endings()) {
            int n = g.number.get(e.id());
            if (e.ending().outcome() != Outcome.WON || !any[n] || harmless[n]) continue;
            out.add(ctx.warning("RAP054", SourceMap.path("nodes", e.id()), "Every path to the won ending \"" + e.id()
                    + "\" goes through a harmful reply, so the only way to win the customer over includes a move the debrief calls harmful."
                    + " Lead a non-harmful reply (normally the best one) towards this ending.", e.id()));
        }
        return out;
    }

    /** The nodes reached from {@code start} by any route, or by routes of replies that are not harmful. */
    private static boolean[] reach(int start, int[][] next, boolean[][] harmful, boolean viaHarmful) {
        boolean[] seen = new boolean[next.length];
        int[] todo = new int[next.length];
        int top = 0;
        seen[start] = true;
        todo[top++] = start;
        while (top > 0) {
            int n = todo[--top];
            for (int k = 0; k < next[n].length; k++) {
                int t = next[n][k];
                if (seen[t] || (!viaHarmful && harmful[n][k])) continue;
                seen[t] = true;
                todo[top++] = t;
            }
        }
        return seen;
    }
}
