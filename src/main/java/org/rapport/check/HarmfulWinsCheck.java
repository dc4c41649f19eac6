package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP058 (warning): a harmful reply that leads straight to a won ending (by any of its routes). The ending would tell
 * the trainee the customer was won over by the very reply the debrief calls harmful.
 */
final class HarmfulWinsCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.grade() != Grade.HARMFUL) continue;
                List<Route> routes = c.routes();
                for (int r = 0; r < routes.size(); r++) {
                    if (!(ctx.dialogue().node(routes.get(r).to()) instanceof EndingNode e) || e.ending().outcome() != Outcome.WON) continue;
                    String base = CheckContext.choicePath(n.id(), c.index()) + "/next";
                    String path = routes.size() == 1 && routes.get(0).unconditional() ? base : base + "/" + r;
                    out.add(ctx.warning("RAP058", path, "Reply " + (c.index() + 1) + " of \"" + n.id() + "\" is graded harmful, yet it leads straight to the won ending \""
                            + e.id() + "\". The ending would praise an outcome the reply did not earn: send it to a kept or lost ending, or regrade it.", n.id()));
                    break;
                }
            }
        }
        return out;
    }
}
