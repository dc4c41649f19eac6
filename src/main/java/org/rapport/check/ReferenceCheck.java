package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.format.DidYouMean;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.List;

/** RAP020, RAP021: "start" and every "next" or route must name a node of the file. */
final class ReferenceCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        String start = ctx.dialogue().start();
        if (!start.isEmpty() && !ctx.declares(start)) {
            out.add(ctx.error("RAP020", "start", "\"start\" names the node \"" + start + "\", but there is no such node." + hint(ctx, start), null));
        }
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                List<Route> routes = c.routes();
                for (int r = 0; r < routes.size(); r++) {
                    String to = routes.get(r).to();
                    if (ctx.declares(to)) continue;
                    String base = CheckContext.choicePath(n.id(), c.index()) + "/next";
                    String path = routes.size() == 1 && routes.get(0).unconditional() ? base : base + "/" + r + "/to";
                    out.add(ctx.error("RAP021", path, "Reply " + (c.index() + 1) + " of \"" + n.id() + "\" leads to \"" + to
                            + "\", but there is no such node." + hint(ctx, to), n.id()));
                }
            }
        }
        return out;
    }

    private static String hint(CheckContext ctx, String id) {
        return DidYouMean.closest(id, ctx.dialogue().nodes().keySet()).map(s -> " Did you mean \"" + s + "\"?").orElse("");
    }
}
