package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP022: a route list must end with a route that has no condition, or some moods lead nowhere.
 * RAP023 (warning): a route that can never be taken (after an unconditional one, or with bounds that exclude each other).
 */
final class RouteCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.dialogue().decisions()) {
            for (Choice c : n.choices()) {
                List<Route> routes = c.routes();
                if (routes.isEmpty()) continue;
                if (!routes.get(routes.size() - 1).unconditional()) {
                    out.add(ctx.error("RAP022", nextPath(n, c), "The routes of reply " + (c.index() + 1) + " of \"" + n.id()
                            + "\" all have conditions, so some moods lead nowhere. End the list with a route that has only \"to\".", n.id()));
                }
                for (int r = 0; r < routes.size(); r++) {
                    Route route = routes.get(r);
                    if (r < routes.size() - 1 && route.unconditional()) {
                        out.add(ctx.warning("RAP023", nextPath(n, c) + "/" + (r + 1), "This route of reply " + (c.index() + 1) + " of \"" + n.id()
                                + "\" comes after a route with no condition, so it is never taken. Put the unconditional route last.", n.id()));
                        break;
                    }
                    if (route.moodAtLeast() != null && route.moodAtMost() != null && route.moodAtLeast() > route.moodAtMost()) {
                        out.add(ctx.warning("RAP023", nextPath(n, c) + "/" + r, "This route needs a mood of at least " + route.moodAtLeast()
                                + " and at most " + route.moodAtMost() + " at once, so it is never taken.", n.id()));
                    }
                }
            }
        }
        return out;
    }

    /** Built only for a diagnostic: a big clean file has tens of thousands of replies. */
    private static String nextPath(CustomerNode n, Choice c) {
        return CheckContext.choicePath(n.id(), c.index()) + "/next";
    }
}
